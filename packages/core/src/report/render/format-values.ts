/** Number, time and money formats shared by the HTML and Markdown reports: fixed locale, UTC. */

// Creating an Intl formatter initialises ICU's locale data: 5 to 15 ms, paid at import by every
// hook process that bundles the reports. Whole numbers (all the reports show) are grouped by hand;
// anything else goes to the same formatter, built on first use.
let integer: Intl.NumberFormat | undefined;

export function formatInteger(n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return groupThousands(n);
  integer ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  return integer.format(n);
}

/** What en-US `Intl.NumberFormat` prints for a safe integer: `-1234567` → `"-1,234,567"`. */
function groupThousands(n: number): string {
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}

/** 1234 → "1.2k", 2500000 → "2.5M": for cards where the exact figure sits in a table nearby. */
export function formatCompact(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1000) return formatInteger(n);
  if (abs < 1e6) return `${trimZero((n / 1e3).toFixed(1))}k`;
  if (abs < 1e9) return `${trimZero((n / 1e6).toFixed(1))}M`;
  return `${trimZero((n / 1e9).toFixed(1))}B`;
}

function trimZero(text: string): string {
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}

/** 850 → "850 ms", 12_340 → "12.3 s", 245_000 → "4m 05s", 3_725_000 → "1h 02m". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
}

/** Dollars: two decimals, four below one cent so small sessions do not read as free. */
export function formatCost(usd: number): string {
  if (usd !== 0 && Math.abs(usd) < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}

/** "2026-03-02T14:03:11.250Z" → "2026-03-02 14:03:11 UTC"; unparseable text is returned as is. */
export function formatDateTime(iso: string | null | undefined): string {
  if (iso == null) return "—";
  const utc = toUtcIso(iso);
  return utc == null ? iso : `${utc.slice(0, 10)} ${utc.slice(11, 19)} UTC`;
}

// Warden's own timestamps are already UTC ISO strings: only others go through Date.
const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

function toUtcIso(text: string): string | null {
  if (UTC_ISO.test(text)) return text;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Milliseconds from the session start, as "+04:31" or "+1:02:07"; "" without a start. */
export function formatOffset(iso: string, startMs: number | null): string {
  const at = Date.parse(iso);
  if (startMs == null || Number.isNaN(at)) return "";
  const total = Math.max(0, Math.round((at - startMs) / 1000));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, "0");
  const ss = String(total % 60).padStart(2, "0");
  return h > 0 ? `+${h}:${mm}:${ss}` : `+${mm}:${ss}`;
}

/** `path` relative to `base` when inside it, else unchanged. */
export function relativePath(path: string, base: string | null): string {
  if (base == null || base === "") return path;
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The last segment of a path: the project's name in headings. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, "");
  const cut = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\"));
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed;
}

/** A share 0..1 as a whole percentage that never reads as none or all when it is not: "<1%", ">99%". */
export function formatShare(share: number): string {
  const percent = Math.round(share * 100);
  if (percent === 0 && share > 0) return "<1%";
  if (percent === 100 && share < 1) return ">99%";
  return `${percent}%`;
}
