import fs from "node:fs";
import * as z from "zod/mini";
import { authoredFiles } from "../command-policy/command-files.js";
import { isInsideRoot } from "../store/warden-paths.js";
import type { PendingCall } from "../store/pending-call.js";
import { carryWrite, readTrackedText } from "./ai-write.js";
import type { LineAuthor } from "./line-ledger.js";
import { hashLines } from "./line-text.js";

export type WrittenBefore = NonNullable<PendingCall["written_before"]>[number];

/**
 * A command can write a file from its own text only through a redirect, tee or sed: without one of
 * them there is nothing to find, and the command is not parsed a second time (the guard did once).
 */
const MAY_AUTHOR = />|\btee\b|\bsed\b/;

/** A command rarely writes more files than this from its own text; past it, the rest are not followed. */
const MAX_FILES = 8;
/** PreToolUse keeps the lines of each such file before the command: bounded, as the note is kept per call. */
const MAX_BEFORE_BYTES = 1024 * 1024;

/**
 * Before a Bash command that writes files from its own text (`cat > f <<EOF`, `echo … >> f`,
 * `sed -i`), each file's lines as they are (hashed; none for a file not there yet), so PostToolUse
 * can tell the lines the command wrote.
 */
export function bashWritesBefore(
  toolName: string,
  toolInput: unknown,
  context: { readonly cwd: string; readonly projectDir: string; readonly home: string; readonly wardenRoot: string },
): WrittenBefore[] | undefined {
  if (toolName !== "Bash") return undefined;
  const parsed = z.looseObject({ command: z.string() }).safeParse(toolInput);
  if (!parsed.success || !MAY_AUTHOR.test(parsed.data.command)) return undefined;
  const files = authoredFiles(parsed.data.command, context).filter((file) => !isInsideRoot(context.wardenRoot, file));
  const before = files.slice(0, MAX_FILES).flatMap((file): WrittenBefore[] => {
    if (!fs.existsSync(file)) return [{ path: file, hashes: [] }];
    const size = sizeOf(file);
    const text = size == null || size > MAX_BEFORE_BYTES ? null : readTrackedText(file);
    return text == null ? [] : [{ path: file, hashes: hashLines(text) }];
  });
  return before.length === 0 ? undefined : before;
}

/** After the command: each file it wrote from its own text carried through the write, its new lines the author's. */
export function recordBashWrites(wardenRoot: string, before: readonly WrittenBefore[], author: LineAuthor, now: Date): void {
  for (const file of before) carryWrite(wardenRoot, file.path, file.hashes, author, now);
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}
