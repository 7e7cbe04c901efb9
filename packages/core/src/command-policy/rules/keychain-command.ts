import type { SimpleCommand } from "../command-types.js";
import { parseGit } from "../shell/parse-git.js";

/** Commands that print stored credentials: the macOS keychain, libsecret, GPG secret keys, git's helper. */

const SECURITY_PRINTING = new Set(["find-generic-password", "find-internet-password"]);
const SECURITY_DUMPING = new Set(["dump-keychain", "export"]);
const SECRETISH = /secret|token|password|_auth/i;

/** The credential-printing subcommand, e.g. `security find-generic-password -w`; undefined if none. */
export function keychainCommand(cmd: SimpleCommand): string | undefined {
  const { name, args } = cmd;
  const sub = args[0] ?? "";
  if (name === "security") {
    if (SECURITY_DUMPING.has(sub)) return `security ${sub}`;
    if (SECURITY_PRINTING.has(sub) && args.some((a) => a.startsWith("-") && !a.startsWith("--") && (a.includes("w") || a.includes("g")))) {
      return `security ${sub}`;
    }
  }
  if (name === "secret-tool" && (sub === "lookup" || sub === "search")) return `secret-tool ${sub}`;
  if (name === "gpg" || name === "gpg2") {
    const flag = args.find((a) => a.startsWith("--export-secret"));
    if (flag != null) return `${name} ${flag}`;
  }
  if (name === "git") {
    const git = parseGit(args);
    if (git.sub === "credential" && git.args[0] === "fill") return "git credential fill";
  }
  if (name === "npm" && sub === "config" && args[1] === "get" && args.slice(2).some((a) => SECRETISH.test(a)))
    return "npm config get (auth token)";
  if (name === "aws" && sub === "configure" && args[1] === "get" && args.slice(2).some((a) => SECRETISH.test(a)))
    return "aws configure get (secret)";
  return undefined;
}
