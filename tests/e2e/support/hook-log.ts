import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringField, type JsonRecord } from "./json-guards.js";
import { readJsonl } from "./transcript.js";

/** The throwaway logging hook of the e2e tests, its settings and its log. */

export const LOG_HOOK_SCRIPT = fileURLToPath(new URL("../../fixtures/log-hook.mjs", import.meta.url));

/** Every event the log hook is registered for by `logEveryHook`. */
export const LOGGED_EVENTS = [
  "SessionStart",
  "UserPromptSubmit",
  "PreToolUse",
  "PostToolUse",
  "PostToolUseFailure",
  "PostToolBatch",
  "SubagentStart",
  "SubagentStop",
  "PreCompact",
  "PostCompact",
  "Stop",
  "SessionEnd",
] as const;

export interface CommandHook {
  readonly type: "command";
  readonly command: string;
  readonly args?: readonly string[];
  readonly timeout?: number;
}

export interface HookRespond {
  /** The hook answers only when its stdin payload contains this text. */
  readonly whenPayloadIncludes: string;
  /** Printed on stdout, JSON-encoded. */
  readonly stdout: JsonRecord;
}

/** The log hook in exec form (no shell): appends each payload to `logFile`, optionally answers. */
export function logHook(logFile: string, respond?: HookRespond): CommandHook {
  const answer = respond == null ? [] : [respond.whenPayloadIncludes, JSON.stringify(respond.stdout)];
  return { type: "command", command: "node", args: [LOG_HOOK_SCRIPT, logFile, ...answer], timeout: 30 };
}

export type HookTable = Readonly<Partial<Record<string, readonly CommandHook[]>>>;

/** `{hooks: {Event: [{matcher: "", hooks}]}}`, every hook matching every tool. */
export function settingsWithHooks(table: HookTable, extra: JsonRecord = {}): JsonRecord {
  const hooks = Object.fromEntries(
    Object.entries(table).flatMap(([event, list]) => (list == null ? [] : [[event, [{ matcher: "", hooks: list }]]])),
  );
  return { ...extra, hooks };
}

/** The log hook on every event of LOGGED_EVENTS; `overrides` replace an event's hooks. */
export function logEveryHook(logFile: string, overrides: HookTable = {}): JsonRecord {
  const table: Record<string, readonly CommandHook[]> = {};
  for (const event of LOGGED_EVENTS) table[event] = [logHook(logFile)];
  return settingsWithHooks({ ...table, ...overrides });
}

/** Writes `<projectDir>/.claude/settings.json`; returns its path. */
export function writeProjectSettings(projectDir: string, settings: JsonRecord): string {
  const file = path.join(projectDir, ".claude", "settings.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  return file;
}

/** A logged hook payload: the fields tests match on, and the whole payload. */
export interface HookRecord {
  readonly event: string;
  readonly sessionId: string;
  readonly toolName: string | undefined;
  readonly toolUseId: string | undefined;
  readonly agentId: string | undefined;
  readonly agentType: string | undefined;
  readonly payload: JsonRecord;
}

/** The log in firing order; an absent file means no hook fired. */
export function readHookLog(logFile: string): HookRecord[] {
  if (!fs.existsSync(logFile)) return [];
  return readJsonl(logFile).map((payload) => ({
    event: stringField(payload, "hook_event_name") ?? "",
    sessionId: stringField(payload, "session_id") ?? "",
    toolName: stringField(payload, "tool_name"),
    toolUseId: stringField(payload, "tool_use_id"),
    agentId: stringField(payload, "agent_id"),
    agentType: stringField(payload, "agent_type"),
    payload,
  }));
}
