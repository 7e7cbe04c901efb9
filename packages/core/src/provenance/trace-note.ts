import { randomUUID } from "node:crypto";
import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import type { AttributedLine, CommitAttribution, FileAttribution } from "./commit-attribution.js";
import { lineAuthorSchema } from "./line-ledger.js";
import type { Origin } from "./line-origins.js";
import { hashLine } from "./line-text.js";

/**
 * The note Warden keeps on a commit (git notes, ref refs/notes/warden): an Agent Trace record
 * (version 0.1.0) whose files list each line range with its contributor and the conversation
 * (Claude Code session) behind it, plus Warden's own part under `metadata.warden`: the added lines
 * one by one (hash and origin, so a rewritten commit can be re-read), the authors with the prompt
 * that led to each write, and the session segment behind the commit with the guard's verdicts.
 */

export const NOTES_REF = "refs/notes/warden";
export const AGENT_TRACE_VERSION = "0.1.0";
/** Prompts travel in notes that a team may share: cut to this many characters, masked like the rest. */
export const NOTE_PROMPT_CHARS = 1_000;

export const noteAuthorSchema = lazySchema(() =>
  z.looseObject({
    ...lineAuthorSchema().shape,
    model: z.nullable(z.string()),
    prompt: z.nullable(z.string()),
  }),
);
export type NoteAuthor = z.infer<ReturnType<typeof noteAuthorSchema>>;

export const verdictCountsSchema = lazySchema(() => z.object({ allowed: z.number(), warned: z.number(), blocked: z.number() }));

export const flaggedEventSchema = lazySchema(() =>
  z.looseObject({
    record_id: z.number(),
    tool_name: z.string(),
    verdict: z.string(),
    severity: z.nullable(z.string()),
    rules: z.array(z.string()),
    what: z.string(),
  }),
);
export type FlaggedEvent = z.infer<ReturnType<typeof flaggedEventSchema>>;

/** The part of a session that led to a commit: from the previous checkpoint (or the start) to the commit. */
export const segmentSchema = lazySchema(() =>
  z.looseObject({
    session_id: z.string(),
    transcript: z.nullable(z.object({ from: z.number(), to: z.number() })),
    records: z.object({ from: z.number(), to: z.number() }),
    prompts: z.number(),
    events: z.number(),
    verdicts: verdictCountsSchema(),
    /** Calls the guard warned about or blocked (at most MAX_FLAGGED). */
    flagged: z.array(flaggedEventSchema()),
    tokens: z.object({ input: z.number(), output: z.number(), cache_write: z.number(), cache_read: z.number() }),
    cost_usd: z.nullable(z.number()),
    unpriced_models: z.array(z.string()),
    models: z.array(z.string()),
  }),
);
export type Segment = z.infer<ReturnType<typeof segmentSchema>>;
export const MAX_FLAGGED = 50;

const noteFileSchema = lazySchema(() =>
  z.looseObject({
    path: z.string(),
    added: z.number(),
    binary: z.boolean(),
    skipped: z.boolean(),
    /** Each added line as `line:hash:origin[:author]`, origin a/m/h/u. */
    lines: z.array(z.string()),
  }),
);

export const wardenNoteSchema = lazySchema(() =>
  z.looseObject({
    commit: z.string(),
    parents: z.array(z.string()),
    branch: z.nullable(z.string()),
    amend_of: z.nullable(z.string()),
    committed_by_session: z.string(),
    authors: z.array(noteAuthorSchema()),
    files: z.array(noteFileSchema()),
    segment: z.nullable(segmentSchema()),
  }),
);
export type WardenNote = z.infer<ReturnType<typeof wardenNoteSchema>>;

export const traceNoteSchema = lazySchema(() =>
  z.looseObject({
    version: z.string(),
    id: z.string(),
    timestamp: z.string(),
    vcs: z.looseObject({ type: z.string(), revision: z.string() }),
    files: z.array(z.unknown()),
    metadata: z.looseObject({ warden: wardenNoteSchema() }),
  }),
);
export type TraceNote = z.infer<ReturnType<typeof traceNoteSchema>>;

export interface NoteInput {
  readonly commit: string;
  readonly parents: readonly string[];
  readonly branch: string | null;
  readonly amendOf: string | null;
  readonly sessionId: string;
  readonly attribution: CommitAttribution;
  readonly authors: readonly NoteAuthor[];
  readonly segment: Segment | null;
  readonly wardenVersion: string;
  readonly now: Date;
}

const CODES: Record<Origin, string> = { ai: "a", mixed: "m", human: "h", unknown: "u" };
const ORIGINS: Record<string, Origin> = { a: "ai", m: "mixed", h: "human", u: "unknown" };

export function buildTraceNote(input: NoteInput): TraceNote {
  return {
    version: AGENT_TRACE_VERSION,
    id: randomUUID(),
    timestamp: input.now.toISOString(),
    vcs: { type: "git", revision: input.commit },
    tool: { name: "warden", version: input.wardenVersion },
    files: input.attribution.files.filter((f) => f.lines.length > 0).map((f) => traceFile(f, input.authors)),
    metadata: {
      warden: {
        commit: input.commit,
        parents: [...input.parents],
        branch: input.branch,
        amend_of: input.amendOf,
        committed_by_session: input.sessionId,
        authors: [...input.authors],
        files: input.attribution.files.map((f) => ({
          path: f.path,
          added: f.addedCount,
          binary: f.binary,
          skipped: f.skipped,
          lines: f.lines.map((l) => `${l.line}:${l.hash}:${CODES[l.origin]}${l.author == null ? "" : `:${l.author}`}`),
        })),
        segment: input.segment,
      },
    },
  };
}

/** Agent Trace's view of a file: one conversation per contributor and session, contiguous ranges. */
function traceFile(file: FileAttribution, authors: readonly NoteAuthor[]) {
  const groups = new Map<string, { origin: Origin; sessionId: string | null; model: string | null; lines: AttributedLine[] }>();
  for (const line of file.lines) {
    const author = line.author == null ? undefined : authors[line.author];
    const key = `${line.origin}\0${author?.session_id ?? ""}`;
    const group = groups.get(key) ?? {
      origin: line.origin,
      sessionId: author?.session_id ?? null,
      model: author?.model ?? null,
      lines: [],
    };
    group.lines.push(line);
    groups.set(key, group);
  }
  return {
    path: file.path,
    conversations: [...groups.values()].map((g) => ({
      ...(g.sessionId == null ? {} : { url: `claude-code:session/${g.sessionId}` }),
      contributor:
        g.model == null || g.origin === "human" || g.origin === "unknown"
          ? { type: g.origin }
          : { type: g.origin, model_id: modelId(g.model) },
      ranges: rangesOf(g.lines),
    })),
  };
}

/**
 * Agent Trace names a model the models.dev way, `provider/model` ("anthropic/claude-opus-4-5-20251101");
 * Claude Code names Anthropic's models alone. A name that already has a provider, or that is not
 * Claude's, is kept as it is.
 */
function modelId(model: string): string {
  return model.includes("/") || !model.startsWith("claude-") ? model : `anthropic/${model}`;
}

function rangesOf(lines: readonly AttributedLine[]) {
  const ranges: { start_line: number; end_line: number; content_hash: string }[] = [];
  let run: AttributedLine[] = [];
  const flush = () => {
    if (run.length === 0) return;
    ranges.push({
      start_line: run[0]!.line,
      end_line: run[run.length - 1]!.line,
      content_hash: `warden-fnv64:${hashLine(run.map((l) => l.hash).join(""))}`,
    });
    run = [];
  };
  for (const line of lines.toSorted((a, b) => a.line - b.line)) {
    if (run.length > 0 && run[run.length - 1]!.line + 1 !== line.line) flush();
    run.push(line);
  }
  flush();
  return ranges;
}

/** The added lines a note holds for one file, in order; undefined when the note does not name the file. */
export function notedLines(note: WardenNote, file: string): AttributedLine[] | undefined {
  const entry = note.files.find((f) => f.path === file);
  if (entry == null) return undefined;
  return entry.lines.flatMap((encoded) => {
    const [line, hash, code, author] = encoded.split(":");
    const origin = ORIGINS[code ?? ""];
    if (line == null || hash == null || origin == null) return [];
    const index = author == null ? undefined : Number(author);
    return [
      index == null || !Number.isInteger(index)
        ? { line: Number(line), hash, origin }
        : { line: Number(line), hash, origin, author: index },
    ];
  });
}

/**
 * The Warden records in a note's text. git joins two notes into one when commits they were on are
 * squashed together in a rebase (notes.rewriteMode concatenate), so a note may hold several JSON
 * documents one after the other; those that are not Warden's are skipped.
 */
export function parseTraceNotes(text: string): TraceNote[] {
  const notes: TraceNote[] = [];
  for (const chunk of topLevelJson(text)) {
    try {
      const parsed = traceNoteSchema().safeParse(JSON.parse(chunk));
      if (parsed.success) notes.push(parsed.data);
    } catch {
      // Not JSON: someone else's note text under Warden's ref.
    }
  }
  return notes;
}

/**
 * Splits text into its top-level `{…}` documents, in one pass. Braces pair up as a stack, so a
 * stray brace in someone else's text around Warden's notes (an unclosed "{", a lone "}") does not
 * swallow them; quotes count only inside a document, so a stray quote outside does not either.
 */
function topLevelJson(text: string): string[] {
  const open: number[] = [];
  const pairs: [number, number][] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = open.length > 0;
    else if (c === "{") open.push(i);
    else if (c === "}") {
      const start = open.pop();
      if (start != null) pairs.push([start, i]);
    }
  }
  const chunks: string[] = [];
  let end = -1;
  for (const [start, close] of pairs.toSorted((a, b) => a[0] - b[0])) {
    if (start < end) continue;
    chunks.push(text.slice(start, close + 1));
    end = close;
  }
  return chunks;
}
