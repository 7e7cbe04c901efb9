import { positionals } from "../shell/command-paths.js";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import type { CommandRule } from "./rule-context.js";

/**
 * Claude Code's own commands that would switch off Warden installed as a plugin. Editing the files
 * behind them (~/.claude/settings.json, ~/.claude/plugins/) is guard.disable's; these are the
 * commands that do it for the agent.
 */

const PLUGIN_OFF = new Set(["disable", "uninstall", "remove", "rm"]);
const MARKETPLACE_OFF = new Set(["remove", "rm"]);

/** Whether the words name Warden, or nothing: an unnamed `disable --all` takes Warden too. */
const aimsAtWarden = (names: readonly string[]): boolean => names.length === 0 || names.some((name) => /warden/i.test(name));

function switchesPluginOff(cmd: SimpleCommand): RuleHit | undefined {
  if (cmd.name !== "claude") return undefined;
  const [group, action, ...rest] = positionals(cmd.args);
  if (group !== "plugin" && group !== "plugins") return undefined;
  if (action != null && PLUGIN_OFF.has(action) && aimsAtWarden(rest)) return { detail: `claude plugin ${action}` };
  const [subAction, ...names] = rest;
  if (action === "marketplace" && subAction != null && MARKETPLACE_OFF.has(subAction) && aimsAtWarden(names))
    return { detail: `claude plugin marketplace ${subAction}` };
  return undefined;
}

export const pluginRules: readonly CommandRule[] = [
  {
    id: "guard.disable-plugin",
    severity: "critical",
    action: "deny",
    category: "guard-tampering",
    reason: "it disables or removes the Warden plugin (or the marketplace it comes from), which would switch the guard off",
    check: switchesPluginOff,
  },
];
