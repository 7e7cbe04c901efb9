import os from "node:os";
import path from "node:path";
import { parse } from "shell-quote";
import { ALLOW, type PolicyDecision, type ToolCall, type ToolPolicy } from "./guard-policy.js";

/**
 * The foundation's built-in policy: refuses recursive deletion of the filesystem root or the
 * user's home. A stand-in until the shell-aware policy replaces it; the decision path is the same.
 */
export const minimalPolicy: ToolPolicy = {
  decide(call: ToolCall): PolicyDecision {
    if (call.toolName !== "Bash" || !isRecord(call.toolInput) || typeof call.toolInput.command !== "string") return ALLOW;
    const target = findRootOrHomeDeletion(call.toolInput.command, call.home);
    if (target == null) return ALLOW;
    const reason =
      `Warden blocked this command: it recursively deletes ${target}, which would destroy the ` +
      `${target === "/" ? "whole filesystem" : "user's home directory"}. If this is really intended, ` +
      `ask the user to run it themselves.`;
    return {
      decision: "deny",
      verdict: "blocked",
      severity: "critical",
      findings: [{ rule: "fs.rm-root-or-home", severity: "critical", category: "destructive", message: reason }],
      reason,
    };
  },
};

function findRootOrHomeDeletion(command: string, home: string): string | undefined {
  const env = { HOME: home };
  const tokens = parse(command, (key) => (key === "HOME" ? env.HOME : `$${key}`));
  let words: string[] = [];
  for (const token of [...tokens, { op: ";" }]) {
    if (typeof token === "string") {
      words.push(token);
      continue;
    }
    const hit = rmTarget(words, home);
    if (hit) return hit;
    words = [];
  }
  return undefined;
}

function rmTarget(words: string[], home: string): string | undefined {
  const start = words.findIndex((w) => !/^(sudo|env|[A-Za-z_][A-Za-z0-9_]*=.*)$/.test(w));
  if (start < 0 || path.basename(words[start] ?? "") !== "rm") return undefined;
  const args = words.slice(start + 1);
  const flags = args.filter((a) => a.startsWith("-")).join(" ");
  const recursive = /(^|\s)-[a-zA-Z]*[rR]|--recursive/.test(flags);
  if (!recursive) return undefined;
  const homeDir = path.resolve(home || os.homedir());
  for (const arg of args.filter((a) => !a.startsWith("-"))) {
    const resolved = path.resolve(arg.replace(/^~(?=$|\/)/, homeDir));
    if (resolved === "/" || resolved === homeDir) return arg.startsWith("~") || arg.startsWith(homeDir) ? "~" : resolved;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === "object" && !Array.isArray(value);
}
