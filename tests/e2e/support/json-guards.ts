/**
 * Narrow runtime checks for parsed JSON. `zod/mini` lives in packages/core and does not resolve
 * from tests/, so these few guards stand in for it: callers branch on them instead of using `as`.
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === "string";
}

export function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** The array itself, or an empty one when the value is not an array. */
export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The records of an array, skipping anything else. */
export function recordsOf(value: unknown): readonly JsonRecord[] {
  return arrayOf(value).filter(isRecord);
}

export function stringField(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  return isString(value) ? value : undefined;
}

export function numberField(record: JsonRecord, key: string): number | undefined {
  const value = record[key];
  return isNumber(value) ? value : undefined;
}

export function recordField(record: JsonRecord, key: string): JsonRecord | undefined {
  const value = record[key];
  return isRecord(value) ? value : undefined;
}

/** Parses JSON, returning undefined instead of throwing (recordings keep unparseable bodies raw). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short, single-line preview of a value for error messages. */
export function preview(value: unknown, max = 300): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max)}… [+${flat.length - max} chars]` : flat;
}
