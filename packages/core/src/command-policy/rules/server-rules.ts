import path from "node:path";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { positionals } from "../shell/command-paths.js";
import { parseOptions } from "../shell/parse-options.js";
import { isDynamic } from "../shell/resolve-word.js";
import type { CommandRule, RuleContext } from "./rule-context.js";
import { SERVER_STATE_FILE, SERVER_STATE_RULE } from "./server-folder.js";
import { grepPattern, picksServer, processPatterns, SIGNAL_OPTION } from "./server-process.js";

/**
 * Warden's resident server answers the hooks of every session of the user: stopping it from inside
 * a session is the model switching the guard's fast path off (and, with its pid or port read from
 * the state file, a way to put an impostor in its place). The user stops it; the model does not.
 * Reading the state file itself is guard.read-server-state's (a path rule).
 */

/** The CLI's names: its bin, the bundle, the bundle run directly. */
const WARDEN_PROGRAM = /^warden(?:\.[cm]?js)?$/;
/** Package managers running the root package's `warden` script: `pnpm warden …`, `npm run warden -- …`. */
const SCRIPT_RUNNERS = new Set(["pnpm", "yarn", "npm", "bun"]);
const RUN_WORDS = new Set(["run", "run-script"]);
/** The CLI's options that may stand before the command's name and take a value (leading-options.ts). */
const LEADING_WITH_VALUE = new Set(["--dir", "--project"]);
const HELP = new Set(["--help", "-h"]);

/** The arguments the warden CLI is given, when the command runs it. */
function wardenArgs(cmd: SimpleCommand): readonly string[] | undefined {
  if (WARDEN_PROGRAM.test(cmd.name)) return cmd.args;
  const script = cmd.exec?.from === "file" ? cmd.exec.path : undefined;
  if (script != null && WARDEN_PROGRAM.test(path.posix.basename(script))) return cmd.args.slice(cmd.args.indexOf(script) + 1);
  if (!SCRIPT_RUNNERS.has(cmd.name)) return undefined;
  const at = cmd.args.indexOf("warden");
  if (at < 0 || !cmd.args.slice(0, at).every((w) => w.startsWith("-") || RUN_WORDS.has(w))) return undefined;
  const rest = cmd.args.slice(at + 1);
  return rest[0] === "--" ? rest.slice(1) : rest;
}

/** `warden [--json] [--dir DIR] server stop`; not when it only prints its help. */
function stopsServer(args: readonly string[]): boolean {
  let k = 0;
  for (; k < args.length && (args[k] ?? "").startsWith("-"); k += 1) {
    if (HELP.has(args[k] ?? "")) return false;
    if (LEADING_WITH_VALUE.has(args[k] ?? "")) k += 1;
  }
  if (args[k] !== "server") return false;
  const rest = args.slice(k + 1);
  const end = rest.indexOf("--");
  if ((end < 0 ? rest : rest.slice(0, end)).some((w) => HELP.has(w))) return false;
  return positionals(rest)[0] === "stop";
}

function stopsViaCli(cmd: SimpleCommand): RuleHit | undefined {
  const args = wardenArgs(cmd);
  return args != null && stopsServer(args) ? { detail: "warden server stop" } : undefined;
}

function killsByName(cmd: SimpleCommand): RuleHit | undefined {
  if (cmd.name !== "pkill" && cmd.name !== "killall") return undefined;
  const hit = processPatterns(cmd).find(picksServer);
  return hit == null ? undefined : { detail: `${cmd.name} ${hit.full ? "-f " : ""}${hit.text} picks the server's process` };
}

/** The pids or ports a `kill` / `fuser -k` is given that are only known when it runs (`$(…)`, `$PID`, xargs' input). */
function unknownTargets(cmd: SimpleCommand): readonly string[] {
  if (cmd.name === "kill") {
    const p = parseOptions(
      cmd.args.filter((a) => !SIGNAL_OPTION.test(a)),
      { value: "sn", valueLong: ["signal"] },
    );
    // `kill -l` lists signals; signal 0 only asks whether the process is alive.
    const probes = cmd.args.includes("-0") || p.values.get("s")?.includes("0") === true || p.long.get("signal") === "0";
    if (probes || p.short.has("l") || p.short.has("L")) return [];
    return p.positionals.filter(isDynamic);
  }
  if (cmd.name === "fuser") {
    const p = parseOptions(
      cmd.args.filter((a) => !SIGNAL_OPTION.test(a)),
      { value: "n", valueLong: ["namespace"] },
    );
    return p.short.has("k") || p.long.has("kill") ? p.positionals.filter(isDynamic) : [];
  }
  return [];
}

/** How an earlier command of the line finds the server: by its state file, or by its name or command line. */
function findsServer(cmd: SimpleCommand, rc: RuleContext): string | undefined {
  const words = [
    ...cmd.args,
    ...cmd.redirects.filter((r) => r.op === "<").map((r) => r.target),
    ...(cmd.stdinFile == null ? [] : [cmd.stdinFile]),
  ];
  const state = words.find((word) => isStateFile(word, cmd, rc));
  if (state != null) return `read from ${SERVER_STATE_FILE}`;
  const picked = processPatterns(cmd).find(picksServer);
  if (picked != null) return `found by ${cmd.name} ${picked.text}`;
  const grepped = grepPattern(cmd);
  if (grepped != null && picksServer(grepped) && rc.upstream(cmd).some((c) => c.name === "ps"))
    return `found by ps | ${cmd.name} ${grepped.text}`;
  return undefined;
}

/** The state file where the hook says it is, or any `server.state` in a `warden` folder or one only known at run time. */
function isStateFile(word: string, cmd: SimpleCommand, rc: RuleContext): boolean {
  if (path.posix.basename(word) !== SERVER_STATE_FILE) return false;
  if (isDynamic(word) || path.posix.basename(path.posix.dirname(word)) === "warden") return true;
  return rc.protects(word, cmd, "read").some((rule) => rule.id === SERVER_STATE_RULE);
}

function killsFoundServer(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  if (unknownTargets(cmd).length === 0) return undefined;
  for (const earlier of rc.analysis.commands) {
    if (earlier.index >= cmd.index) break;
    const how = findsServer(earlier, rc);
    if (how != null) return { detail: `${cmd.name} of the server's ${cmd.name === "fuser" ? "port" : "pid"}, ${how}` };
  }
  return undefined;
}

export const serverRules: readonly CommandRule[] = [
  {
    id: "guard.stop-server",
    severity: "critical",
    action: "deny",
    category: "guard-tampering",
    reason:
      "stopping Warden's resident server is for the user to do, not the model: it answers the guard's hooks for every session, and this command stops it (`warden server stop`, or a kill of its process by name, pid or port)",
    check: (cmd, rc) => stopsViaCli(cmd) ?? killsByName(cmd) ?? killsFoundServer(cmd, rc),
  },
];
