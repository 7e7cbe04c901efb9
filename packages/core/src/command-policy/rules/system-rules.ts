import { deletionTargets, positionals } from "../shell/command-paths.js";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { keychainCommand } from "./keychain-command.js";
import { parseOptions } from "../shell/parse-options.js";
import type { CommandRule, RuleContext } from "./rule-context.js";
import { isAssignment } from "../shell/unwrap-command.js";
import { TRUNCATES } from "../shell/redirect-ops.js";

/** Processes, power, shell history, crontabs and the keychain. */

const POWER = new Set(["shutdown", "reboot", "halt", "poweroff"]);
const SYSTEMCTL_POWER = new Set(["poweroff", "reboot", "halt", "kexec", "soft-reboot", "suspend", "hibernate", "hybrid-sleep"]);
const HISTORY_FILES = [
  ".bash_history",
  ".zsh_history",
  ".zhistory",
  ".history",
  ".sh_history",
  ".local/share/fish/fish_history",
  ".python_history",
  ".node_repl_history",
  ".psql_history",
  ".mysql_history",
  ".claude/history.jsonl",
  ".claude/projects",
];
const HISTORY_VARS = new Set(["HISTFILE", "HISTSIZE", "HISTFILESIZE", "SAVEHIST"]);
const EMPTY_VALUES = new Set(["", "0", "/dev/null"]);

function killsEverything(cmd: SimpleCommand): RuleHit | undefined {
  if (cmd.name === "killall5") return { detail: "killall5" };
  if (cmd.name === "kill") {
    const args = [...cmd.args];
    if (args[0] === "-l" || args[0] === "-L") return undefined;
    if (args[0] === "-s" || args[0] === "-n" || args[0] === "--signal") args.splice(0, 2);
    else if (args[0] != null && args[0].startsWith("-") && args[0] !== "--") args.shift();
    const pids = args.filter((a) => a !== "--");
    const all = pids.find((p) => p === "-1" || p === "1");
    return all == null ? undefined : { detail: all === "1" ? "kill of PID 1 (init)" : "kill of every process (-1)" };
  }
  if (cmd.name === "pkill" || cmd.name === "killall") {
    const p = parseOptions(cmd.args, { value: "uUgGPstFn", valueLong: ["signal", "user", "uid", "group"] });
    const patterns = p.positionals;
    if (patterns.length === 0 && (p.short.has("u") || p.short.has("U") || p.long.has("user")))
      return { detail: `${cmd.name} of every process of a user` };
    if (patterns.some((pattern) => pattern === "." || pattern === ".*" || pattern === "^" || pattern === ""))
      return { detail: `${cmd.name} matching everything` };
  }
  return undefined;
}

function powersOff(cmd: SimpleCommand): RuleHit | undefined {
  const { name, args } = cmd;
  if (cmd.redirects.some((r) => r.target === "/proc/sysrq-trigger")) return { detail: "write to /proc/sysrq-trigger" };
  if (POWER.has(name))
    return args.some((a) => a === "-c" || a === "--cancel" || a === "--help" || a === "-k") ? undefined : { detail: name };
  if ((name === "init" || name === "telinit") && (args[0] === "0" || args[0] === "6")) return { detail: `${name} ${args[0]}` };
  if ((name === "systemctl" || name === "loginctl") && args.some((a) => SYSTEMCTL_POWER.has(a)))
    return { detail: `${name} ${args.find((a) => SYSTEMCTL_POWER.has(a)) ?? ""}` };
  if (name === "launchctl" && args[0] === "reboot") return { detail: "launchctl reboot" };
  return undefined;
}

function isHistoryPath(abs: string, home: string): boolean {
  return HISTORY_FILES.some((file) => {
    const full = `${home}/${file}`;
    return abs === full || abs.startsWith(`${full}/`);
  });
}

function wipesHistory(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  const { name, args } = cmd;
  if (name === "history" && args.some((a) => a.startsWith("-") && a.includes("c"))) return { detail: "history -c" };
  if (name === "set" && args.includes("+o") && args.includes("history")) return { detail: "set +o history" };
  if (name === "unset" && args.some((a) => HISTORY_VARS.has(a))) return { detail: `unset ${args.join(" ")}` };
  for (const word of [...cmd.assignments, ...(name === "export" ? args : [])]) {
    if (!isAssignment(word)) continue;
    const [variable = "", value = ""] = [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)];
    if (HISTORY_VARS.has(variable) && EMPTY_VALUES.has(value)) return { detail: word };
  }
  const words = [
    ...deletionTargets(cmd).map((t) => t.word),
    ...cmd.redirects.filter((r) => TRUNCATES.has(r.op)).map((r) => r.target),
    ...(name === "truncate" || name === "shred" || name === "ln" || name === "cp" || name === "mv" ? positionals(cmd.args) : []),
  ];
  const hit = words.map((w) => rc.resolve(w, cmd)).find((abs) => abs != null && isHistoryPath(abs, rc.ctx.home));
  return hit == null ? undefined : { detail: hit };
}

function wipesCrontab(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  if (cmd.name !== "crontab") return undefined;
  const p = parseOptions(cmd.args, { value: "uTs" });
  if (p.short.has("r")) return { detail: "crontab -r" };
  const file = p.positionals[0];
  if (file === "/dev/null") return { detail: "crontab /dev/null" };
  if (file === "-") {
    const feeder = rc.upstream(cmd).find((c) => c.stage === cmd.stage - 1);
    const empty =
      cmd.stdinText?.trim() === "" ||
      (feeder != null && (feeder.name === ":" || feeder.name === "true" || (feeder.name === "cat" && feeder.args.includes("/dev/null"))));
    if (empty) return { detail: "crontab replaced with nothing" };
  }
  return undefined;
}

export const systemRules: readonly CommandRule[] = [
  {
    id: "proc.fork-bomb",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason: "it is a fork bomb: it multiplies processes until the machine stops responding",
    check: (cmd) => (cmd.forkBomb === true ? { detail: cmd.name } : undefined),
  },
  {
    id: "proc.kill-all",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason: "it kills every process (or init), which ends the session and can bring the machine down",
    check: killsEverything,
  },
  {
    id: "sys.shutdown",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason: "it shuts down, reboots or suspends the machine",
    check: powersOff,
  },
  {
    id: "history.wipe",
    severity: "high",
    action: "deny",
    category: "anti-forensics",
    reason: "it erases or disables shell or Claude Code history, destroying the record of what was done",
    check: wipesHistory,
  },
  {
    id: "cron.wipe",
    severity: "high",
    action: "deny",
    category: "destructive",
    reason: "it removes the user's whole crontab",
    check: wipesCrontab,
  },
  {
    id: "cred.keychain",
    severity: "high",
    action: "deny",
    category: "credentials",
    reason: "it prints stored credentials from a keychain, secret store or credential helper",
    check: (cmd) => {
      const found = keychainCommand(cmd);
      return found == null ? undefined : { detail: found };
    },
  },
];
