import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isNumber, isRecord, isString, preview, recordsOf, stringField, tryParseJson, type JsonRecord } from "./json-guards.js";
import { readJsonl, toolUsesIn, type Transcript } from "./transcript.js";

/**
 * Warden as a user wires it: `warden install --project DIR` run as a real process, and readers
 * for what its hooks leave in `<project>/.warden/`. Readers never throw on a bad line: they keep
 * it, so a test can assert there is none.
 */

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const WARDEN_CLI = path.join(REPO_ROOT, "hooks", "warden.mjs");
export const WARDEN_HOOKS_DIR = path.join(REPO_ROOT, "hooks");

export class WardenInstallError extends Error {
  override readonly name = "WardenInstallError";
}

/**
 * Runs `node warden.mjs install --project <projectDir>` (with `--server`: resident mode) with a
 * hermetic HOME; throws unless it exits 0.
 */
export async function installWarden(projectDir: string, home: string, options: { server?: boolean } = {}): Promise<string> {
  const env = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: home, TZ: "UTC", NO_COLOR: "1" };
  const args = [WARDEN_CLI, "install", "--project", projectDir, ...(options.server ? ["--server"] : [])];
  const { code, stdout, stderr } = await runToEnd(process.execPath, args, projectDir, env);
  if (code !== 0) {
    throw new WardenInstallError(
      `warden install --project ${projectDir} exited ${code}, expected 0; stdout: ${preview(stdout)}; stderr: ${preview(stderr)}`,
    );
  }
  return stdout;
}

/** Runs a program with no stdin to its end: its exit code and what it printed. */
async function runToEnd(
  program: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(program, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  return { code, stdout, stderr };
}

export function wardenDirOf(projectDir: string): string {
  return path.join(projectDir, ".warden");
}

/** One line of a JSONL file Warden wrote: parsed when it is a JSON object, kept raw otherwise. */
export interface WardenLine {
  readonly raw: string;
  readonly record: JsonRecord | undefined;
}

export interface SessionFile {
  readonly path: string;
  readonly lines: readonly WardenLine[];
  /** The lines that parsed, in file order. */
  readonly records: readonly JsonRecord[];
  /** Lines that are not a JSON object with a string `type`, an integer `id` and a string `timestamp`. */
  readonly corruptLines: readonly string[];
  /** Whether the file's last byte is a newline (no torn final line). */
  readonly endsWithNewline: boolean;
}

/** The session ids that have a file in `sessions/`, sorted. */
export function sessionFileIds(wardenDir: string): string[] {
  const dir = path.join(wardenDir, "sessions");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .map((name) => name.slice(0, -".jsonl".length))
    .toSorted();
}

/** Every entry of `sessions/`, lock and temp files included, sorted. */
export function sessionsDirEntries(wardenDir: string): string[] {
  const dir = path.join(wardenDir, "sessions");
  return fs.existsSync(dir) ? fs.readdirSync(dir).toSorted() : [];
}

export function readSessionFile(wardenDir: string, sessionId: string): SessionFile {
  const file = path.join(wardenDir, "sessions", `${sessionId}.jsonl`);
  const text = fs.readFileSync(file, "utf8");
  const lines = text
    .split("\n")
    .filter((raw) => raw.length > 0)
    .map((raw) => {
      const parsed = tryParseJson(raw);
      return { raw, record: isRecord(parsed) && hasRecordHeader(parsed) ? parsed : undefined };
    });
  return {
    path: file,
    lines,
    records: lines.flatMap((line) => (line.record == null ? [] : [line.record])),
    corruptLines: lines.filter((line) => line.record == null).map((line) => line.raw),
    endsWithNewline: text.endsWith("\n"),
  };
}

function hasRecordHeader(record: JsonRecord): boolean {
  return isString(record["type"]) && Number.isInteger(record["id"]) && isString(record["timestamp"]);
}

/** The `event` records, in file order. */
export function eventsIn(records: readonly JsonRecord[]): JsonRecord[] {
  return records.filter((record) => record["type"] === "event");
}

export function recordTypes(records: readonly JsonRecord[]): string[] {
  return records.map((record) => stringField(record, "type") ?? "");
}

export function recordIds(records: readonly JsonRecord[]): number[] {
  return records.map((record) => (isNumber(record["id"]) ? record["id"] : -1));
}

/** 1..n, what a session file's ids must be. */
export function oneTo(n: number): number[] {
  return Array.from({ length: n }, (_, index) => index + 1);
}

/** `sessions.jsonl`, the registry; empty when absent. */
export function readRegistry(wardenDir: string): JsonRecord[] {
  const file = path.join(wardenDir, "sessions.jsonl");
  return fs.existsSync(file) ? readJsonl(file) : [];
}

/** The registry's lines of one session as `[type, source-or-reason]` pairs, in file order. */
export function registryEntriesOf(registry: readonly JsonRecord[], sessionId: string): Array<[string, string | null]> {
  return registry
    .filter((line) => line["session_id"] === sessionId)
    .map((line) => [stringField(line, "type") ?? "", stringField(line, "source") ?? stringField(line, "reason") ?? null]);
}

/** `reports/<session_id>.json`, or undefined when it was not written or is not a JSON object. */
export function readReport(wardenDir: string, sessionId: string): JsonRecord | undefined {
  const file = path.join(wardenDir, "reports", `${sessionId}.json`);
  if (!fs.existsSync(file)) return undefined;
  const parsed = tryParseJson(fs.readFileSync(file, "utf8"));
  return isRecord(parsed) ? parsed : undefined;
}

/**
 * The report's calls per tool, from its `tools` table (report v2: `{tool_name, count, …}` rows),
 * keys sorted; undefined when the report has no such table.
 */
export function reportCountsByTool(report: JsonRecord | undefined): Record<string, number> | undefined {
  const rows = report?.["tools"];
  if (!Array.isArray(rows)) return undefined;
  const counts: Record<string, number> = {};
  for (const row of recordsOf(rows).toSorted((a, b) => String(a["tool_name"]).localeCompare(String(b["tool_name"])))) {
    counts[String(row["tool_name"])] = isNumber(row["count"]) ? row["count"] : -1;
  }
  return counts;
}

/** The text of `errors.log`; "" when it is absent (both mean nothing went wrong). */
export function errorsLogText(wardenDir: string): string {
  const file = path.join(wardenDir, "errors.log");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}

/** A tool_use of a session's transcripts, with the subagent whose transcript holds it. */
export interface SessionToolUse {
  readonly id: string;
  readonly name: string;
  readonly input: JsonRecord;
  readonly agentId: string | undefined;
}

/** The tool_use blocks of the main transcript, then of each subagent transcript. */
export function sessionToolUses(transcript: Transcript): SessionToolUse[] {
  return [
    ...toolUsesIn(transcript.lines).map((use) => ({ id: use.id, name: use.name, input: use.input, agentId: undefined })),
    ...transcript.subagents.flatMap((sub) =>
      toolUsesIn(sub.lines).map((use) => ({ id: use.id, name: use.name, input: use.input, agentId: sub.agentId })),
    ),
  ];
}

/** `[tool_use_id, tool_name, agent_id]` per tool call, sorted by id: the shape both sides are compared in. */
export type CallKey = [string, string, string | undefined];

export function callKeysOfTranscript(transcript: Transcript): CallKey[] {
  return sortKeys(sessionToolUses(transcript).map((use) => [use.id, use.name, use.agentId]));
}

export function callKeysOfEvents(records: readonly JsonRecord[]): CallKey[] {
  return sortKeys(
    eventsIn(records).map((event) => [
      stringField(event, "tool_use_id") ?? "",
      stringField(event, "tool_name") ?? "",
      stringField(event, "agent_id"),
    ]),
  );
}

function sortKeys(keys: CallKey[]): CallKey[] {
  return keys.toSorted((a, b) => a[0].localeCompare(b[0]));
}

/** How many calls each tool got, keys sorted, from the transcripts (main and subagents). */
export function countsByTool(names: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of names.toSorted()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

/** The event records of one tool call (a correct file has exactly one). */
export function eventsFor(records: readonly JsonRecord[], toolUseId: string): JsonRecord[] {
  return eventsIn(records).filter((event) => event["tool_use_id"] === toolUseId);
}

/** The records of one type, in file order. */
export function recordsOfType(records: readonly JsonRecord[], type: string): JsonRecord[] {
  return records.filter((record) => record["type"] === type);
}

/**
 * Installs Warden as a user would install the plugin: `claude plugin marketplace add <checkout>`
 * then `claude plugin install warden@warden`, run as real processes with a hermetic HOME.
 */
export async function installWardenPlugin(home: string, claudeBin: string): Promise<void> {
  const env = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: home, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", NO_COLOR: "1" };
  for (const args of [
    ["plugin", "marketplace", "add", REPO_ROOT],
    ["plugin", "install", "warden@warden"],
  ]) {
    const { code, stdout, stderr } = await runToEnd(claudeBin, args, home, env);
    if (code !== 0) throw new WardenInstallError(`claude ${args.join(" ")} exited ${code}, expected 0: ${preview(stdout + stderr)}`);
  }
}
