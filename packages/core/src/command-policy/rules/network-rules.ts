import { copyOperands } from "../shell/command-paths.js";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { describeFetch, isLocalHost, urlHost } from "../shell/describe-fetch.js";
import { keychainCommand } from "./keychain-command.js";
import { parseOptions } from "../shell/parse-options.js";
import type { CommandRule, RuleContext } from "./rule-context.js";
import { SUB_OPEN } from "../shell/markers.js";
import { STDOUT_WRITES } from "../shell/redirect-ops.js";

/** Running what was just downloaded, and sending local secrets or files to other hosts. */

const NETCAT = new Set(["nc", "ncat", "netcat", "socat", "telnet"]);
const COPIERS = new Set(["scp", "rsync", "sftp", "rclone"]);
const STDIN_WORDS = new Set(["-", "", "/dev/stdin"]);
const REMOTE_SPEC = /^[^/.][^/]*:/;
/** socat's addresses that reach another host, with the host: `TCP:db:5432`, `OPENSSL:api:443`, `UDP-SENDTO:…`. */
const SOCAT_NETWORK =
  /^(?:tcp[46]?(?:-connect)?|udp[46]?(?:-connect|-sendto|-datagram)?|openssl(?:-connect)?|ssl|socks[45]a?|proxy(?:-connect)?):\[?([^:,\]]+)/i;

/** A command whose output is credentials or the environment (which holds tokens). */
export function isSecretSource(cmd: SimpleCommand, rc: RuleContext): boolean {
  const { name, args } = cmd;
  if ((name === "env" || name === "printenv") && args.every((a) => a.startsWith("-") || !a.includes("="))) return true;
  if (name === "set" && args.length === 0) return true;
  if ((name === "export" || name === "declare" || name === "typeset") && (args.length === 0 || args.includes("-p"))) return true;
  if (keychainCommand(cmd) != null) return true;
  return rc.pathHits(cmd, "read").some((hit) => hit.rule.category === "credentials");
}

interface Upload {
  /** What secret goes out, if one does. */
  readonly secret?: string;
  /** What non-secret local data goes out to a remote host, if any. */
  readonly plain?: string;
}

function isSecretFile(word: string, cmd: SimpleCommand, rc: RuleContext): boolean {
  return rc.protects(word, cmd, "read").some((rule) => rule.category === "credentials");
}

function feedsSecret(cmd: SimpleCommand, rc: RuleContext): boolean {
  if (rc.upstream(cmd).some((c) => isSecretSource(c, rc))) return true;
  return cmd.redirects.some((r) => r.op === "<" && isSecretFile(r.target, cmd, rc));
}

function hasInput(cmd: SimpleCommand, rc: RuleContext): boolean {
  return cmd.stage > 0 || cmd.stdinText != null || cmd.redirects.some((r) => r.op === "<") || rc.upstream(cmd).length > 0;
}

function substitutedSecret(rc: RuleContext): boolean {
  return rc.analysis.commands.some((c) => c.layers[c.layers.length - 1] === "$(…)" && isSecretSource(c, rc));
}

function uploadOf(cmd: SimpleCommand, rc: RuleContext): Upload | undefined {
  const fetch = describeFetch(cmd.name, cmd.args, cmd.redirects);
  if (fetch != null) {
    const remote = fetch.urls.length === 0 || fetch.urls.some((u) => !isLocalHost(urlHost(u) ?? ""));
    for (const file of fetch.uploads) {
      if (STDIN_WORDS.has(file)) {
        if (feedsSecret(cmd, rc)) return { secret: "its stdin, fed with secrets" };
        if (remote && hasInput(cmd, rc)) return { plain: "its stdin" };
      } else if (isSecretFile(file, cmd, rc)) return { secret: file };
      else if (remote) return { plain: file };
    }
    if (fetch.data.some((d) => d.includes(SUB_OPEN)) && substitutedSecret(rc))
      return { secret: "the output of a substituted command that reads secrets" };
    return undefined;
  }
  if (cmd.name === "socat") {
    // Only its network addresses leave the machine: `socat stdio /run/haproxy.sock` talks to a local socket.
    const host = cmd.args.map((a) => SOCAT_NETWORK.exec(a)?.[1]).find((h) => h != null);
    if (host == null) return undefined;
    if (feedsSecret(cmd, rc)) return { secret: "its stdin, fed with secrets" };
    return hasInput(cmd, rc) && !isLocalHost(host.toLowerCase()) ? { plain: `its stdin to ${host}` } : undefined;
  }
  if (NETCAT.has(cmd.name)) {
    const p = parseOptions(cmd.args, { value: "pswiqWe" });
    // `-U`: a local unix socket (`nc -U /run/haproxy.sock`).
    if (p.short.has("l") || p.short.has("z") || p.short.has("U") || p.long.has("listen") || p.long.has("unixsock")) return undefined;
    const host = p.positionals[0]?.toLowerCase() ?? "";
    if (feedsSecret(cmd, rc)) return { secret: "its stdin, fed with secrets" };
    if (hasInput(cmd, rc) && !isLocalHost(host)) return { plain: `its stdin to ${host}` };
    return undefined;
  }
  const socket = cmd.redirects.find(
    (r) => STDOUT_WRITES.has(r.op) && (r.target.startsWith("/dev/tcp/") || r.target.startsWith("/dev/udp/")),
  );
  if (socket != null) {
    if (isSecretSource(cmd, rc) || feedsSecret(cmd, rc)) return { secret: `secrets through ${socket.target}` };
    return { plain: `output through ${socket.target}` };
  }
  if (COPIERS.has(cmd.name)) {
    const { sources, destination: dest = "" } = copyOperands(cmd.name, cmd.args);
    if (!REMOTE_SPEC.test(dest)) return undefined;
    const secret = sources.find((w) => isSecretFile(w, cmd, rc));
    if (secret != null) return { secret: `${secret} to ${dest}` };
  }
  return undefined;
}

export const networkRules: readonly CommandRule[] = [
  {
    id: "net.download-exec",
    severity: "critical",
    action: "deny",
    category: "remote-code",
    reason: "it downloads code and runs it straight away, without anyone reading it first",
    check(cmd): RuleHit | undefined {
      const exec = cmd.exec;
      if (exec == null || !exec.fetched) return undefined;
      const how =
        exec.from === "stdin" ? "piped into" : exec.from === "file" ? "saved or substituted, then run by" : "substituted into the code of";
      return { detail: `downloaded content ${how} ${cmd.name}` };
    },
  },
  {
    id: "net.exfiltrate",
    severity: "critical",
    action: "deny",
    category: "exfiltration",
    reason: "it sends credentials or the environment (which holds tokens) to another host",
    check: (cmd, rc) => {
      const upload = uploadOf(cmd, rc);
      return upload?.secret == null ? undefined : { detail: upload.secret };
    },
  },
  {
    id: "net.upload",
    severity: "medium",
    action: "ask",
    category: "exfiltration",
    reason: "it uploads a local file or piped data to a remote host",
    check: (cmd, rc) => {
      const upload = uploadOf(cmd, rc);
      return upload?.plain == null || upload.secret != null ? undefined : { detail: upload.plain };
    },
  },
];
