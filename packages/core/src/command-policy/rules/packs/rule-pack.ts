import type { RuleHit, SimpleCommand } from "../../command-types.js";
import type { CommandRule, RuleContext } from "../rule-context.js";

/**
 * A rule pack: the rules about one family of tools (cloud CLIs, database clients, …). Every pack is
 * on by default; `commands.packs.<id>` switches a whole pack off or changes the action of all its
 * rules, and `commands.rules.<rule id>` still re-levels one rule inside it.
 */

export interface RulePack {
  /** The pack's id, also the first part of its rule ids: `cloud` holds `cloud.delete-project`. */
  readonly id: string;
  /** What it covers, for `warden explain` and the README. */
  readonly title: string;
  readonly rules: readonly CommandRule[];
}

/**
 * A rule check made from a pack's finder: the finder works out once what a command does, and each
 * rule of the pack takes the findings of its own kind (a tier, `final`, `unattended`, …).
 */
export function checkFound<F extends { readonly detail: string }>(
  find: (cmd: SimpleCommand, rc: RuleContext) => F | undefined,
  ofKind: (found: F) => boolean,
): (cmd: SimpleCommand, rc: RuleContext) => RuleHit | undefined {
  return (cmd, rc) => {
    const found = find(cmd, rc);
    return found != null && ofKind(found) ? { detail: found.detail } : undefined;
  };
}

/** Stamps the pack's id on each of its rules, so findings and `warden explain` can name it. */
export function definePack(id: string, title: string, rules: readonly Omit<CommandRule, "pack">[]): RulePack {
  return { id, title, rules: rules.map((rule) => ({ ...rule, pack: id })) };
}
