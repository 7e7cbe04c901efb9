import { loadBuiltin } from "../support/lazy-builtin.js";
import type { Truncation } from "./session-record.js";

export const DEFAULT_VALUE_LIMIT_BYTES = 64 * 1024;

export interface BoundedValue {
  readonly value: unknown;
  readonly truncated: Truncation[];
}

/**
 * Keeps a recorded value within `limitBytes`: every string longer than the limit keeps its head
 * and tail around a marker, and if the whole value is still too large it is replaced by the
 * bounded text of its JSON. Each cut is listed with its JSON path, original byte count and the
 * sha256 of the full value, so a reviewer can still prove what the tool saw.
 */
export function boundValue(value: unknown, limitBytes: number, rootPath: string): BoundedValue {
  const truncated: Truncation[] = [];
  const bounded = boundStrings(value, limitBytes, rootPath, truncated);
  const json = JSON.stringify(bounded);
  if (json === undefined || Buffer.byteLength(json, "utf8") <= limitBytes * 1.25) return { value: bounded, truncated };
  const whole = JSON.stringify(value) ?? "";
  return { value: cutText(whole, limitBytes), truncated: [describeCut(rootPath, whole)] };
}

function boundStrings(value: unknown, limit: number, at: string, truncated: Truncation[]): unknown {
  if (typeof value === "string") {
    // A string's UTF-8 size is at most 3 bytes per UTF-16 unit: skip the byte count for short ones.
    if (value.length * 3 <= limit || Buffer.byteLength(value, "utf8") <= limit) return value;
    truncated.push(describeCut(at, value));
    return cutText(value, limit);
  }
  if (Array.isArray(value)) return value.map((item, i) => boundStrings(item, limit, `${at}[${i}]`, truncated));
  if (value != null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = boundStrings(item, limit, `${at}.${key}`, truncated);
    return out;
  }
  return value;
}

function describeCut(path: string, text: string): Truncation {
  const { createHash } = loadBuiltin<typeof import("node:crypto")>("node:crypto");
  return { path, bytes: Buffer.byteLength(text, "utf8"), sha256: createHash("sha256").update(text, "utf8").digest("hex") };
}

/** Head and tail of `text`, about `limit` bytes together, around a marker naming what was left out. */
export function cutText(text: string, limit: number): string {
  const total = Buffer.byteLength(text, "utf8");
  if (total <= limit) return text;
  const half = Math.floor(limit / 2);
  const bytes = Buffer.from(text, "utf8");
  const head = decodeWhole(bytes.subarray(0, half));
  const tail = decodeWhole(bytes.subarray(total - half));
  return `${head}\n…[warden: ${total - 2 * half} of ${total} bytes omitted]…\n${tail}`;
}

/** Drops the replacement characters a cut through a multi-byte character leaves at either end. */
function decodeWhole(bytes: Buffer): string {
  return bytes.toString("utf8").replace(/^\uFFFD+|\uFFFD+$/g, "");
}
