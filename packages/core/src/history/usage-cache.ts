import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { isMissingFile } from "../report/transcript/missing-file.js";
import { writeFileAtomic } from "../store/session-store.js";
import type { TokenCounts } from "../report/transcript/usage-ledger.js";
import type { FileGroup } from "./transcript-tree.js";
import type { GroupUsage, SessionUsage, UsageCell } from "./usage-scan.js";

/**
 * What earlier readings of a Claude config dir found, group by group (a session's files, see
 * FileGroup), so a history of thousands of transcripts is read again only where a file changed.
 * A group is taken from the cache when its files have the same paths, sizes and mtimes; the cache
 * is only ever a shortcut: unreadable, of another version, or for another dir, it is ignored.
 */

/** Bumped whenever what a group's reading yields changes: an old cache is then read again from the transcripts. */
const CACHE_VERSION = 1;

/**
 * Cells and key hashes are packed into strings checked by one regular expression each: a year of
 * history has tens of thousands of them, and checking them one by one as JSON values costs more
 * than reading the transcripts it saves.
 */
const KEYS = /^(?:[0-9a-f]{16})*$/;
/** `quarter model-index fast input output cache-5m cache-1h cache-read web-searches responses;` per cell (quarter -1: none). */
const CELLS = /^(?:-?\d+ \d+ [01](?: \d+){7};)*$/;
const KEY_LENGTH = 16;

/** Built on first use (see lazy-schema.ts): hook processes never read this cache. */
const schemas = lazySchema(() => {
  const counter = z.number().check(z.int(), z.nonnegative());
  const sessionSchema = z.object({
    session_id: z.string(),
    project: z.string(),
    cwd: z.nullable(z.string()),
    first_at: z.nullable(z.string()),
    last_at: z.nullable(z.string()),
    models: z.array(z.string()),
    cells: z.string().check(z.regex(CELLS)),
  });
  const groupSchema = z.object({
    /** `[path, size, mtime ms]` of each file, in reading order. */
    files: z.array(z.tuple([z.string(), counter, z.number()])),
    keys: z.string().check(z.regex(KEYS)),
    skipped: z.string().check(z.regex(KEYS)),
    sessions: z.array(sessionSchema),
  });
  return {
    cacheSchema: z.object({
      version: z.literal(CACHE_VERSION),
      claude_dir: z.string(),
      /** Keyed by project slug, then group id. */
      projects: z.record(z.string(), z.record(z.string(), groupSchema)),
    }),
  };
});

type CacheFile = z.infer<ReturnType<typeof schemas>["cacheSchema"]>;
type CachedGroup = CacheFile["projects"][string][string];
type CachedSession = CachedGroup["sessions"][number];

export interface UsageCache {
  /** The cached reading of `group`, if its files have not changed since. */
  lookup(project: string, group: FileGroup): GroupUsage | null;
  /** Keeps a reading (`fresh`: read from the transcripts now); groups not kept during this run are dropped at `save`. */
  keep(project: string, group: FileGroup, usage: GroupUsage, fresh: boolean): void;
  /** Writes what was kept, when anything differs from what was loaded. */
  save(): void;
}

/** The cache file of a Claude config dir inside Warden's per-user state folder. */
export function usageCachePath(stateDir: string, claudeDir: string): string {
  const id = createHash("sha256").update(claudeDir).digest("hex").slice(0, 16);
  return path.join(stateDir, "usage-history", `${id}.json`);
}

export function openUsageCache(file: string, claudeDir: string): UsageCache {
  const loaded = loadCache(file, claudeDir);
  const kept: CacheFile["projects"] = {};
  let changed = false;
  return {
    lookup(project, group) {
      const cached = loaded?.projects[project]?.[group.id];
      if (cached == null || !sameFiles(cached, group)) return null;
      const sessions = cached.sessions.map(toSession);
      if (sessions.some((session) => session == null)) return null;
      return {
        keys: unpackKeys(cached.keys),
        skipped: unpackKeys(cached.skipped),
        sessions: sessions.filter((session) => session != null),
      };
    },
    keep(project, group, usage, fresh) {
      const entry: CachedGroup = {
        files: group.files.map((file) => [file.path, file.size, file.mtimeMs]),
        keys: usage.keys.join(""),
        skipped: usage.skipped.join(""),
        sessions: usage.sessions.map(fromSession),
      };
      (kept[project] ??= {})[group.id] = entry;
      if (fresh) changed = true;
    },
    save() {
      const groupsBefore = loaded == null ? 0 : Object.values(loaded.projects).reduce((n, groups) => n + Object.keys(groups).length, 0);
      const groupsNow = Object.values(kept).reduce((n, groups) => n + Object.keys(groups).length, 0);
      if (!changed && groupsBefore === groupsNow) return;
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const content: CacheFile = { version: CACHE_VERSION, claude_dir: claudeDir, projects: kept };
      writeFileAtomic(file, JSON.stringify(content));
    },
  };
}

function loadCache(file: string, claudeDir: string): CacheFile | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schemas().cacheSchema.safeParse(json);
  return parsed.success && parsed.data.claude_dir === claudeDir ? parsed.data : null;
}

function sameFiles(cached: CachedGroup | undefined, group: FileGroup): boolean {
  if (cached == null || cached.files.length !== group.files.length) return false;
  return group.files.every((file, index) => {
    const [filePath, size, mtimeMs] = cached.files[index] ?? ["", -1, -1];
    return filePath === file.path && size === file.size && mtimeMs === file.mtimeMs;
  });
}

function unpackKeys(packed: string): string[] {
  const keys: string[] = [];
  for (let at = 0; at < packed.length; at += KEY_LENGTH) keys.push(packed.slice(at, at + KEY_LENGTH));
  return keys;
}

function fromSession(session: SessionUsage): CachedSession {
  const models = [...new Set(session.cells.map((cell) => cell.model))];
  const cells = session.cells.map(({ quarter, model, fast, counts: c }) =>
    [
      quarter ?? -1,
      models.indexOf(model),
      fast ? 1 : 0,
      c.input_tokens,
      c.output_tokens,
      c.cache_write_5m_tokens,
      c.cache_write_1h_tokens,
      c.cache_read_tokens,
      c.web_search_requests,
      c.responses,
    ].join(" "),
  );
  return { ...session, models, cells: cells.map((cell) => `${cell};`).join("") };
}

/** Null when a cell names a model the session does not list (the regular expression checked the rest). */
function toSession({ models, cells, ...session }: CachedSession): SessionUsage | null {
  const parsed: UsageCell[] = [];
  for (const text of cells.split(";")) {
    if (text === "") continue;
    const [quarter = -1, modelIndex = -1, fast = 0, ...values] = text.split(" ").map(Number);
    const model = models[modelIndex];
    if (model == null) return null;
    const [input = 0, output = 0, write5m = 0, write1h = 0, read = 0, searches = 0, responses = 0] = values;
    const counts: TokenCounts = {
      input_tokens: input,
      output_tokens: output,
      cache_write_5m_tokens: write5m,
      cache_write_1h_tokens: write1h,
      cache_read_tokens: read,
      web_search_requests: searches,
      responses,
    };
    parsed.push({ quarter: quarter === -1 ? null : quarter, model, fast: fast === 1, counts });
  }
  return { ...session, cells: parsed };
}
