import path from "node:path";
import { readFirstPrompt, rollUpUsage, SessionStore, type IndexSession, type UsageHistory, type UsageRow } from "@warden/core";
import { maskedPrompt, projectLabel, recordedIndexSession, type IndexPlace } from "./index-sessions.js";
import { rowOrError } from "./session-rows.js";
import { isDirectory } from "./data-dir.js";

/**
 * Every session on the machine as index rows: Claude Code's transcripts (readUsageHistory), priced
 * as `warden cost --all-projects` prices them, joined with the data directory of each session's
 * project when Warden recorded it there (verdicts, prompt, report link). Reads only.
 */

export interface MachineIndexOptions {
  readonly claudeDir: string;
  readonly place: IndexPlace;
  /** The data directory the command was pointed at, when there is one: its sessions are listed even without a transcript. */
  readonly local: SessionStore | null;
  readonly now: Date;
}

/** How many transcripts' heads are read at once for their first prompt. */
const PROMPT_READS_AT_ONCE = 32;
/** A session id that can name a file: the scan takes ids from transcript lines too, which could say anything. */
const FILE_SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export async function machineIndexSessions(history: UsageHistory, options: MachineIndexOptions): Promise<IndexSession[]> {
  const { place } = options;
  const rollup = rollUpUsage(history.sessions, {
    by: "session",
    // Neither matters for one row per session over all dates: no day boundary is drawn.
    timeZone: "UTC",
    since: null,
    until: null,
    order: "desc",
    now: options.now.getTime(),
  });
  const usage = new Map(rollup.rows.map((row) => [`${row.session?.project ?? ""}/${row.period}`, row]));
  const dataDirs = new DataDirs(options.local);
  const rows: IndexSession[] = [];
  const unwired: { index: number; transcript: string | null }[] = [];
  const seen = new Set<string>();
  for (const session of history.sessions) {
    seen.add(session.session_id);
    const figures = figuresOf(usage.get(`${session.project}/${session.session_id}`));
    // From the first response to the last: one response spans nothing that says how long the session was.
    const span = session.first_at != null && session.last_at != null ? Date.parse(session.last_at) - Date.parse(session.first_at) : 0;
    const fromHistory = { started_at: session.first_at, duration_ms: span > 0 ? span : null };
    const store = dataDirs.holding(session.cwd, session.session_id);
    if (store != null) {
      const recorded = recordedIndexSession(store, rowOrError(store, session.session_id), place);
      rows.push({
        ...recorded,
        ...figures,
        started_at: recorded.started_at ?? fromHistory.started_at,
        duration_ms: recorded.duration_ms ?? fromHistory.duration_ms,
      });
      continue;
    }
    unwired.push({
      index: rows.length,
      transcript: FILE_SAFE_ID.test(session.session_id)
        ? path.join(options.claudeDir, "projects", session.project, `${session.session_id}.jsonl`)
        : null,
    });
    rows.push({
      session_id: session.session_id,
      project_dir: session.cwd,
      project_label: projectLabel(session.cwd, session.project, place.home),
      ...fromHistory,
      ...figures,
      verdicts: null,
      recorded: false,
      first_prompt: null,
      report_href: null,
    });
  }
  await addFirstPrompts(rows, unwired);
  // Sessions recorded here whose transcripts are gone (Claude Code deletes old ones) still belong to the list.
  const local = options.local;
  if (local != null) {
    for (const id of local.listSessionIds()) if (!seen.has(id)) rows.push(recordedIndexSession(local, rowOrError(local, id), place));
  }
  return rows.toSorted(newestFirst);
}

type Figures = Pick<IndexSession, "models" | "tokens" | "cost_usd" | "unpriced_models">;

/** A session with no response carries no usage row: nothing is known of its tokens. */
function figuresOf(row: UsageRow | undefined): Figures {
  if (row == null) return { models: [], tokens: null, cost_usd: null, unpriced_models: [] };
  const t = row.tokens;
  return {
    models: Object.entries(row.models)
      .toSorted(([a, x], [b, y]) => y.output_tokens - x.output_tokens || a.localeCompare(b))
      .map(([model]) => model),
    tokens: { input: t.input_tokens + t.cache_write_5m_tokens + t.cache_write_1h_tokens + t.cache_read_tokens, output: t.output_tokens },
    cost_usd: row.cost_usd,
    unpriced_models: row.unpriced_models,
  };
}

/** Unwired sessions show their first prompt from the transcript, masked (readFirstPrompt redacts it). */
async function addFirstPrompts(rows: IndexSession[], unwired: readonly { index: number; transcript: string | null }[]): Promise<void> {
  for (let at = 0; at < unwired.length; at += PROMPT_READS_AT_ONCE) {
    const batch = unwired.slice(at, at + PROMPT_READS_AT_ONCE);
    const prompts = await Promise.all(batch.map(({ transcript }) => (transcript == null ? null : readFirstPrompt(transcript))));
    batch.forEach(({ index }, i) => {
      const row = rows[index];
      if (row != null) rows[index] = { ...row, first_prompt: maskedPrompt(prompts[i] ?? null) };
    });
  }
}

function newestFirst(a: IndexSession, b: IndexSession): number {
  const x = a.started_at == null ? Number.NaN : Date.parse(a.started_at);
  const y = b.started_at == null ? Number.NaN : Date.parse(b.started_at);
  if (Number.isNaN(x) || Number.isNaN(y))
    return Number.isNaN(x) === Number.isNaN(y) ? a.session_id.localeCompare(b.session_id) : Number.isNaN(x) ? 1 : -1;
  return y - x || a.session_id.localeCompare(b.session_id);
}

/**
 * The data directories sessions were recorded in, found from each session's folder: the nearest
 * `.warden` up from it that holds the session's file (the hooks write to the project's, and a
 * session may have started in a subfolder). Each directory's session list is read once.
 */
class DataDirs {
  private readonly stores = new Map<string, { store: SessionStore; ids: Set<string> }>();
  private readonly upFrom = new Map<string, string[]>();
  /** The directory the command was pointed at is looked in first: it may be WARDEN_DIR, outside every project. */
  private readonly first: readonly string[];

  constructor(local: SessionStore | null) {
    if (local != null) this.stores.set(local.paths.root, { store: local, ids: new Set(local.listSessionIds()) });
    this.first = local == null ? [] : [local.paths.root];
  }

  holding(cwd: string | null, sessionId: string): SessionStore | null {
    const roots = cwd == null ? [] : this.dataDirsUpFrom(path.resolve(cwd));
    for (const root of [...this.first, ...roots]) {
      const entry = this.entryOf(root);
      if (entry.ids.has(sessionId)) return entry.store;
    }
    return null;
  }

  private entryOf(root: string): { store: SessionStore; ids: Set<string> } {
    let entry = this.stores.get(root);
    if (entry == null) {
      // Read-only here: the store is only read from (its redact option is for writing).
      const store = new SessionStore(root);
      entry = { store, ids: new Set(store.listSessionIds()) };
      this.stores.set(root, entry);
    }
    return entry;
  }

  private dataDirsUpFrom(dir: string): string[] {
    let found = this.upFrom.get(dir);
    if (found == null) {
      const candidate = path.join(dir, ".warden");
      const parent = path.dirname(dir);
      found = [...(isDirectory(candidate) ? [candidate] : []), ...(parent === dir ? [] : this.dataDirsUpFrom(parent))];
      this.upFrom.set(dir, found);
    }
    return found;
  }
}
