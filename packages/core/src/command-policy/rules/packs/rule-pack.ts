import type { CommandRule } from "../rule-context.js";

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

/** Stamps the pack's id on each of its rules, so findings and `warden explain` can name it. */
export function definePack(id: string, title: string, rules: readonly Omit<CommandRule, "pack">[]): RulePack {
  return { id, title, rules: rules.map((rule) => ({ ...rule, pack: id })) };
}
