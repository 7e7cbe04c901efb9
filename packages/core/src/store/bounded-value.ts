import { loadBuiltin } from "../support/lazy-builtin.js";
import type { Truncation } from "./session-record.js";

export const DEFAULT_VALUE_LIMIT_BYTES = 64 * 1024;

/**
 * Deeper values are cut: a payload is untrusted input, and walking (or JSON.stringify-ing) a
 * value nested thousands of levels deep overflows the stack. No real tool input nests this deep.
 */
export const MAX_VALUE_DEPTH = 64;

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
  const bounded = boundStrings(value, limitBytes, rootPath, truncated, 0);
  const json = JSON.stringify(bounded);
  if (json === undefined || Buffer.byteLength(json, "utf8") <= limitBytes * 1.25) return { value: bounded, truncated };
  const whole = serializeIteratively(value);
  return { value: cutText(whole, limitBytes), truncated: [describeCut(rootPath, whole)] };
}

function boundStrings(value: unknown, limit: number, at: string, truncated: Truncation[], depth: number): unknown {
  if (typeof value === "string") {
    // A string's UTF-8 size is at most 3 bytes per UTF-16 unit: skip the byte count for short ones.
    if (value.length * 3 <= limit || Buffer.byteLength(value, "utf8") <= limit) return value;
    truncated.push(describeCut(at, value));
    return cutText(value, limit);
  }
  if (value == null || typeof value !== "object") return value;
  if (depth >= MAX_VALUE_DEPTH) {
    const whole = serializeIteratively(value);
    truncated.push(describeCut(at, whole));
    return `[warden: ${Buffer.byteLength(whole, "utf8")} bytes nested deeper than ${MAX_VALUE_DEPTH} levels left out]`;
  }
  if (Array.isArray(value)) return value.map((item, i) => boundStrings(item, limit, `${at}[${i}]`, truncated, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = boundStrings(item, limit, `${at}.${key}`, truncated, depth + 1);
  return out;
}

/** JSON text of a value of any depth, without recursion (JSON.stringify overflows the stack). */
export function serializeIteratively(value: unknown): string {
  type Token = { readonly raw: string } | { readonly value: unknown };
  const parts: string[] = [];
  const stack: Token[] = [{ value }];
  for (let token = stack.pop(); token != null; token = stack.pop()) {
    if ("raw" in token) {
      parts.push(token.raw);
      continue;
    }
    const item = token.value;
    if (Array.isArray(item)) {
      stack.push({ raw: "]" });
      for (let i = item.length - 1; i >= 0; i--) stack.push({ value: item[i] }, ...(i > 0 ? [{ raw: "," }] : []));
      stack.push({ raw: "[" });
    } else if (item != null && typeof item === "object") {
      const entries = Object.entries(item);
      stack.push({ raw: "}" });
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i] ?? ["", null];
        stack.push({ value: v }, { raw: `${JSON.stringify(key)}:` }, ...(i > 0 ? [{ raw: "," }] : []));
      }
      stack.push({ raw: "{" });
    } else parts.push(JSON.stringify(item) ?? "null");
  }
  return parts.join("");
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
