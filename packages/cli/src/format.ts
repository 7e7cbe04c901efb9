/** Plain-text formatting shared by the data commands: times, durations, tokens, money, tables. */

export const shortId = (id: string): string => id.slice(0, 8);

/** `2026-11-21 10:00` in UTC; "-" when unknown. */
export function formatTime(iso: string | null | undefined): string {
  if (iso == null) return "-";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? "-" : new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

/** `850ms`, `12s`, `5m 03s`, `2h 07m`; "-" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return "-";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

const TOKEN_UNITS = [
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "k"],
] as const;

/**
 * Three significant digits everywhere (`950`, `6.80k`, `12.3k`, `456k`, `4.56M`, `1.20B`), so
 * figures side by side read alike; a value that rounds up to the next unit takes it (`1.00M`, never `1000k`).
 */
export function formatTokens(n: number): string {
  // 0.9995 of a unit is where three digits of the smaller unit round up to 1000.
  const [size, unit] = TOKEN_UNITS.find(([s]) => n >= s * 0.9995) ?? [1, ""];
  return size === 1 ? String(Math.round(n)) : `${(n / size).toPrecision(3)}${unit}`;
}

/** `1 prompt`, `2 prompts`; `plural` when adding an s will not do. */
export function countOf(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

/** `sonnet-4-5` for `claude-sonnet-4-5-20250929`: a model's name without what every one repeats. */
export const shortModel = (model: string): string => model.replace(/^claude-/, "").replace(/-\d{8}$/, "");

/** `512 B`, `12.5 KiB`, `300.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** `$0.0105`; "?" when unknown. */
export const formatCost = (usd: number | null | undefined): string => (usd == null ? "?" : `$${usd.toFixed(4)}`);

export type Align = "left" | "right";

/** Columns padded to their widest cell; the last column is not padded. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        if (i === cells.length - 1 && align[i] !== "right") return cell;
        return align[i] === "right" ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
      })
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** One line of text at most `max` characters, whitespace collapsed. */
export function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The text in lines of at most `width` characters, broken at spaces (a longer word keeps its own line). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return line === "" ? lines : [...lines, line];
}

/** Emphasis for a terminal; plain text when stdout is not a TTY or NO_COLOR is set. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
}

const PLAIN: Style = { bold: (t) => t, red: (t) => t, yellow: (t) => t, dim: (t) => t };
const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const ANSI: Style = { bold: sgr(1, 22), red: sgr(31, 39), yellow: sgr(33, 39), dim: sgr(2, 22) };

export function styleFor(io: { readonly isTty: boolean; readonly env: Readonly<Record<string, string | undefined>> }): Style {
  return io.isTty && !io.env.NO_COLOR && io.env.TERM !== "dumb" ? ANSI : PLAIN;
}

export const toJson = (value: unknown): string => JSON.stringify(value, null, 2);
