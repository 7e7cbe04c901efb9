/**
 * What the index page (`warden report --index`) shows: one row per session, recorded by Warden or
 * only found in Claude Code's transcripts. Built by the CLI from the data directories and the usage
 * history; rendered to HTML by renderIndexPage. Prompts arrive masked: the builder redacts them.
 */

export interface IndexVerdicts {
  readonly allowed: number;
  readonly warned: number;
  readonly blocked: number;
}

export interface IndexSession {
  readonly session_id: string;
  /** The folder the session ran in; null when unknown (then `project_label` is Claude Code's folder name). */
  readonly project_dir: string | null;
  /** What the page shows for the project: its folder, `~` for the home directory. */
  readonly project_label: string;
  /** ISO instant of the session's start; null when unknown. */
  readonly started_at: string | null;
  readonly duration_ms: number | null;
  /** Most output first; empty when unknown. */
  readonly models: readonly string[];
  /** Input side (fresh, cache writes, cache reads) and output; null when unknown. */
  readonly tokens: { readonly input: number; readonly output: number } | null;
  /** Of the priced models; null when unknown (no report, no transcript). */
  readonly cost_usd: number | null;
  /** Models whose tokens have no price: named, and their cost is not in `cost_usd`. */
  readonly unpriced_models: readonly string[];
  /** Null for a session Warden did not record, or whose records could not be counted. */
  readonly verdicts: IndexVerdicts | null;
  /** Whether Warden recorded the session (its project is wired). */
  readonly recorded: boolean;
  /** One line, masked; null when none is known. */
  readonly first_prompt: string | null;
  /** The session's HTML report relative to the index page (a URL path); null when it has none. */
  readonly report_href: string | null;
}

export interface IndexPageModel {
  readonly generated_at: string;
  /** IANA time zone the start times are shown in. */
  readonly time_zone: string;
  /** Where the sessions were read: a data directory, and the Claude config dir with --all-projects. */
  readonly sources: readonly string[];
  /** Newest first. */
  readonly sessions: readonly IndexSession[];
  readonly warden_version: string | null;
}

/**
 * What the verdict filter matches a session by: `blocked` and `warned` when it had such a tool call
 * (a session can have both), `clean` when recorded with neither, `unrecorded` when Warden did not
 * record it, `unknown` when recorded but its records could not be counted.
 */
export type VerdictTag = "blocked" | "warned" | "clean" | "unknown" | "unrecorded";

export function verdictTags(session: IndexSession): VerdictTag[] {
  if (!session.recorded) return ["unrecorded"];
  const { verdicts } = session;
  if (verdicts == null) return ["unknown"];
  const tags: VerdictTag[] = [];
  if (verdicts.warned > 0) tags.push("warned");
  if (verdicts.blocked > 0) tags.push("blocked");
  return tags.length > 0 ? tags : ["clean"];
}
