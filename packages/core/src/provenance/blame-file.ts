import path from "node:path";
import { readTrackedText } from "./ai-write.js";
import type { AttributedLine } from "./commit-attribution.js";
import { notedFile, type NotedFile } from "./commit-lines.js";
import { committedSince, provenanceSince, readNotesOf } from "./git-notes.js";
import { runGit } from "./git-run.js";
import { readLedger } from "./line-ledger.js";
import { carryOrigins, type Origin } from "./line-origins.js";
import { hashLine, hashLines } from "./line-text.js";

/** One line of a file with who wrote it. */
export interface BlamedLine {
  /** 1-based, in the file as blamed. */
  readonly line: number;
  readonly text: string;
  readonly origin: Origin;
  /** The commit that brought the line; null while it is not committed. */
  readonly commit: string | null;
  /** For ai and mixed lines: the session, its model, the tool call and the prompt behind the write. */
  readonly session_id: string | null;
  readonly model: string | null;
  readonly tool_name: string | null;
  readonly prompt_id: string | null;
  readonly prompt: string | null;
}

export interface BlameOptions {
  /** Blame the file as this revision holds it; default: the working tree (uncommitted lines included). */
  readonly rev?: string;
  /** The data dir whose line ledger tells who wrote uncommitted lines. */
  readonly wardenRoot?: string;
  /** The prompt text behind an AI write, when the session is recorded here (notes may leave prompts out). */
  readonly promptOf?: (sessionId: string, promptId: string) => string | null;
}

interface PorcelainLine {
  readonly commit: string;
  readonly originalLine: number;
  readonly finalLine: number;
  readonly filename: string;
  readonly committerTime: number;
  readonly text: string;
}

const ZERO = /^0+$/;

/**
 * `git blame`, then each line's origin: from the Warden note on the commit that brought it; a
 * commit with no note is a person's when this clone's Warden was keeping notes by then, else
 * unknown; a line not committed yet is judged from the line ledger (what the model last wrote).
 */
export function blameFile(root: string, file: string, options: BlameOptions = {}): BlamedLine[] {
  const relative = path.relative(root, path.resolve(file)).split(path.sep).join("/");
  const porcelain = parsePorcelain(
    runGit(root, ["blame", "--line-porcelain", ...(options.rev == null ? [] : [options.rev]), "--", relative]),
  );
  const since = provenanceSince(root);
  const notesOf = readNotesOf(
    root,
    porcelain.filter((l) => !ZERO.test(l.commit)).map((l) => l.commit),
  );
  const noted = new Map<
    string,
    { readonly hasNotes: boolean; readonly file: NotedFile | undefined; readonly byLine: ReadonlyMap<number, AttributedLine> }
  >();
  const uncommitted =
    options.rev == null && porcelain.some((l) => ZERO.test(l.commit)) ? workingTreeOrigins(root, file, options) : undefined;
  return porcelain.map((entry): BlamedLine => {
    if (ZERO.test(entry.commit)) return { ...plain(entry, null, "unknown"), ...uncommitted?.(entry.finalLine, entry.text) };
    const key = `${entry.commit}\0${entry.filename}`;
    let found = noted.get(key);
    if (found == null) {
      const notes = notesOf.get(entry.commit) ?? [];
      const fileNotes = notes.length === 0 ? undefined : notedFile(root, entry.commit, entry.filename, notes);
      found = { hasNotes: notes.length > 0, file: fileNotes, byLine: new Map(fileNotes?.lines.map((l) => [l.line, l])) };
      noted.set(key, found);
    }
    if (!found.hasNotes) {
      // No session made this commit here: a person did, if Warden was already keeping notes in this clone.
      const human = committedSince(since, entry.committerTime);
      return plain(entry, entry.commit, human ? "human" : "unknown");
    }
    const attributed = found.byLine.get(entry.originalLine);
    if (attributed == null || attributed.hash !== hashLine(entry.text)) return plain(entry, entry.commit, "unknown");
    const author = attributed.author == null ? undefined : found.file?.authors[attributed.author];
    return {
      ...plain(entry, entry.commit, attributed.origin),
      ...(author == null
        ? {}
        : {
            session_id: author.session_id,
            model: author.model,
            tool_name: author.tool_name,
            prompt_id: author.prompt_id,
            prompt: author.prompt ?? (author.prompt_id == null ? null : (options.promptOf?.(author.session_id, author.prompt_id) ?? null)),
          }),
    };
  });
}

function plain(entry: PorcelainLine, commit: string | null, origin: Origin): BlamedLine {
  return {
    line: entry.finalLine,
    text: entry.text,
    origin,
    commit,
    session_id: null,
    model: null,
    tool_name: null,
    prompt_id: null,
    prompt: null,
  };
}

/** Who wrote the lines of the working tree's file, from the ledger; a line the model never wrote is the person's. */
function workingTreeOrigins(root: string, file: string, options: BlameOptions) {
  const text = readTrackedText(path.resolve(root, file));
  const ledger = options.wardenRoot == null ? undefined : readLedger(options.wardenRoot, path.resolve(root, file));
  if (text == null || ledger == null) return (_line: number, _text: string): Partial<BlamedLine> => ({ origin: "human" });
  const origins = carryOrigins(ledger.lines, hashLines(text));
  return (line: number, lineText: string): Partial<BlamedLine> => {
    const origin = origins[line - 1];
    if (origin == null || origin.hash !== hashLine(lineText)) return { origin: "unknown" };
    const author = origin.author == null ? undefined : ledger.authors[origin.author];
    return author == null
      ? { origin: origin.origin }
      : {
          origin: origin.origin,
          session_id: author.session_id,
          tool_name: author.tool_name,
          prompt_id: author.prompt_id,
          prompt: author.prompt_id == null ? null : (options.promptOf?.(author.session_id, author.prompt_id) ?? null),
        };
  };
}

/** `git blame --line-porcelain`: a header per line (`sha orig final [count]`), its keys, then the text after a tab. */
function parsePorcelain(output: string): PorcelainLine[] {
  const lines: PorcelainLine[] = [];
  let header: { commit: string; originalLine: number; finalLine: number } | undefined;
  let filename = "";
  let committerTime = 0;
  for (const raw of output.split("\n")) {
    if (header == null) {
      const match = /^([0-9a-f]{40,64}) (\d+) (\d+)/.exec(raw);
      if (match != null) header = { commit: match[1]!, originalLine: Number(match[2]), finalLine: Number(match[3]) };
      continue;
    }
    if (raw.startsWith("\t")) {
      lines.push({ ...header, filename, committerTime, text: raw.slice(1).replace(/\r$/, "") });
      header = undefined;
    } else if (raw.startsWith("filename ")) filename = raw.slice("filename ".length);
    else if (raw.startsWith("committer-time ")) committerTime = Number(raw.slice("committer-time ".length));
  }
  return lines;
}
