import fs from "node:fs";
import path from "node:path";
import { isNumber, isRecord, tryParseJson } from "./json-guards.js";

/** `.warden/cache/<session_id>.transcript.json`: where the transcript reader saves its progress. */
export function transcriptCachePath(wardenDir: string, sessionId: string): string {
  return path.join(wardenDir, "cache", `${sessionId}.transcript.json`);
}

/**
 * The byte offset the saved reader state reached in each transcript file, keyed by path and
 * sorted; undefined when the cache is absent or has no `state.files` object.
 */
export function savedTranscriptOffsets(wardenDir: string, sessionId: string): Record<string, number> | undefined {
  const file = transcriptCachePath(wardenDir, sessionId);
  if (!fs.existsSync(file)) return undefined;
  const cache = tryParseJson(fs.readFileSync(file, "utf8"));
  const files = isRecord(cache) && isRecord(cache["state"]) ? cache["state"]["files"] : undefined;
  if (!isRecord(files)) return undefined;
  return Object.fromEntries(
    Object.entries(files)
      .map(([filePath, progress]): [string, number] => [
        filePath,
        isRecord(progress) && isNumber(progress["offset"]) ? progress["offset"] : -1,
      ])
      .toSorted(([a], [b]) => a.localeCompare(b)),
  );
}
