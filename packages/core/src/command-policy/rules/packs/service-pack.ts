import type { SimpleCommand } from "../../command-types.js";
import { hasOption, parseOptions, type OptionSpec, type ParsedOptions } from "../../shell/parse-options.js";
import type { RuleContext } from "../rule-context.js";
import { asksForHelp } from "./pack-words.js";
import { checkFound, definePack, type RulePack } from "./rule-pack.js";
import { findVerb, type VerbTable } from "./verb-table.js";

/**
 * Packs for the CLIs of hosted services (secrets managers, queues, search engines, CDNs, …) are
 * mostly a table of the commands that destroy: those denied (what is lost cannot be got back:
 * a secret's every version, a topic's messages, a backup repository) and those asked (deleting
 * one thing a user often means to delete). A CLI with finer cases reads its own options.
 */

export type ServiceTier = "deny" | "ask";

export interface ServiceCli {
  /** Options (global or of the command) whose value is the next word, so it is not read as a word of the command. */
  readonly options?: OptionSpec;
  /** Short letters that make a dry run (`-n` of restic, borg, rclone, s3cmd), besides `--dry-run`. */
  readonly dryRunShort?: string;
  readonly verbs?: VerbTable<ServiceTier>;
  /** Cases a table cannot say (`--force`, `--prune`, a URL); consulted before the table. */
  readonly read?: (words: readonly string[], options: ParsedOptions, cmd: SimpleCommand, rc: RuleContext) => ServiceFinding | undefined;
}

export interface ServiceFinding {
  readonly tier: ServiceTier;
  readonly detail: string;
}

export interface ServicePackSpec {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  /** Why a denied command is stopped / an asked one is asked, in words the user and the model read. */
  readonly reasons: Readonly<Record<ServiceTier, string>>;
  /** By program name. */
  readonly clis: Readonly<Record<string, ServiceCli>>;
}

const TIERS: readonly ServiceTier[] = ["deny", "ask"];
/** `--dry-run`, `--dryrun`, `--dry-run=client|server|true`; not `--dry-run=false` or `=none`. */
const DRY_RUN = /^--dry-?run(?:=(?!false$|none$|0$).*)?$/;

/** A pack with two rules, `<id>.destroy` (deny) and `<id>.delete` (ask). */
export function defineServicePack(spec: ServicePackSpec): RulePack {
  const find = (cmd: SimpleCommand, rc: RuleContext): ServiceFinding | undefined => findServiceDeletion(spec, cmd, rc);
  const hits = (tier: ServiceTier) => checkFound(find, (found) => found.tier === tier);
  return definePack(spec.id, spec.title, [
    {
      id: `${spec.id}.destroy`,
      severity: "critical",
      action: "deny",
      category: spec.category,
      reason: spec.reasons.deny,
      check: hits("deny"),
    },
    { id: `${spec.id}.delete`, severity: "high", action: "ask", category: spec.category, reason: spec.reasons.ask, check: hits("ask") },
  ]);
}

function findServiceDeletion(spec: ServicePackSpec, cmd: SimpleCommand, rc: RuleContext): ServiceFinding | undefined {
  if (!Object.hasOwn(spec.clis, cmd.name)) return undefined;
  const cli = spec.clis[cmd.name];
  if (cli == null || asksForHelp(cmd.args) || cmd.args.some((a) => DRY_RUN.test(a))) return undefined;
  const options = parseOptions(cmd.args, cli.options);
  if (cli.dryRunShort != null && hasOption(options, cli.dryRunShort)) return undefined;
  const words = options.positionals;
  const read = cli.read?.(words, options, cmd, rc);
  if (read != null) return read;
  const found = cli.verbs == null ? undefined : findVerb(cli.verbs, TIERS, words);
  return found == null ? undefined : { tier: found.tier, detail: [cmd.name, ...found.words].join(" ") };
}
