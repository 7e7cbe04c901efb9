import fs from "node:fs";
import path from "node:path";
import { redactText, reportPath, type IndexSession, type SessionStore } from "@warden/core";
import { inputSide, oneLinePrompt, type SessionRow } from "./session-rows.js";
import { readReport } from "./session-files.js";

/**
 * Index rows of sessions Warden recorded, from their data directory: verdicts, the masked first
 * prompt and the link to their report. What every index row shares is here; where the sessions
 * come from (one data directory, or the machine's transcripts) is the caller's.
 */

/** Where the page is written (its folder: links are relative to it) and whose home `~` is. */
export interface IndexPlace {
  readonly pageDir: string;
  readonly home: string;
}

/** A recorded session's row, with the figures of its session row (cost and tokens from its report). */
export function recordedIndexSession(store: SessionStore, row: SessionRow, place: IndexPlace): IndexSession {
  const projectDir = row.project_dir ?? projectOfDataDir(store.paths.root);
  return {
    session_id: row.session_id,
    project_dir: projectDir,
    project_label: projectLabel(projectDir, null, place.home),
    started_at: row.started_at,
    duration_ms: row.duration_ms,
    models: row.main_models,
    tokens: row.tokens == null ? null : { input: inputSide(row.tokens), output: row.tokens.output_tokens },
    cost_usd: row.cost_usd,
    unpriced_models: row.source === "report" && row.cost_usd == null ? unpricedOfReport(store, row.session_id) : [],
    verdicts: row.verdicts,
    recorded: true,
    first_prompt: maskedPrompt(row.first_prompt),
    report_href: reportHref(store, row.session_id, place.pageDir),
  };
}

/**
 * The page shows prompts masked whatever a project's `redact` setting says: it gathers projects
 * into one file. Masking is idempotent: text masked when recorded is left as it is.
 */
export function maskedPrompt(text: string | null): string | null {
  return text == null ? null : oneLinePrompt(redactText(text));
}

/** The session's HTML report as a link relative to the page; null when it has none (a gzipped one cannot be opened). */
export function reportHref(store: SessionStore, sessionId: string, pageDir: string): string | null {
  const file = reportPath(store.paths, sessionId, "html");
  if (!fs.existsSync(file)) return null;
  return path.relative(pageDir, file).split(path.sep).map(encodeURIComponent).join("/");
}

/** A report without a cost names no model; its models without a price do. */
function unpricedOfReport(store: SessionStore, sessionId: string): string[] {
  const report = readReport(store, sessionId);
  if (report == null) return [];
  return Object.entries(report.models)
    .filter(([, usage]) => usage.cost_usd == null)
    .map(([model]) => model)
    .toSorted();
}

/** The project folder of a `.warden` directory; the directory itself for a data dir named otherwise (WARDEN_DIR). */
export function projectOfDataDir(dataDir: string): string {
  return path.basename(dataDir) === ".warden" ? path.dirname(dataDir) : dataDir;
}

/** The folder with `~` for the home directory; Claude Code's folder name when the folder is unknown. */
export function projectLabel(projectDir: string | null, slug: string | null, home: string): string {
  if (projectDir == null) return slug ?? "unknown";
  const prefix = home.endsWith(path.sep) ? home : `${home}${path.sep}`;
  if (projectDir === home) return "~";
  return projectDir.startsWith(prefix) ? `~${path.sep}${projectDir.slice(prefix.length)}` : projectDir;
}
