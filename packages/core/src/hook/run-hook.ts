import path from "node:path";
import { createHookContext, realWorld, type GuardFactories, type HookContext, type HookWorld } from "./hook-context.js";
import type * as z from "zod/mini";
import { isHookEventName, PAYLOAD_SCHEMAS, type HookEventName, type HookPayload } from "./hook-payload.js";
import { closeTruncatedJson } from "./close-truncated-json.js";
import { readStdin, STDIN_DEADLINE_MS, type StdinInput } from "./read-stdin.js";
import { SessionStore } from "../store/session-store.js";
import { resolveWardenDir } from "../store/warden-paths.js";
import { describeIssues } from "../support/schema-issues.js";
import { writeAll } from "../support/write-all.js";

/** The one JSON object a hook prints for Claude Code; undefined prints nothing. */
export type HookReply = Record<string, unknown> | undefined;

/**
 * A guard decision and the recording that follows it. The reply (a deny, an ask, a warning to the
 * model) is printed first, whatever then happens to the recording: only the record is best effort.
 */
export class ReplyThenRecord {
  constructor(
    readonly reply: HookReply,
    readonly record: () => void | Promise<void>,
  ) {}
}

export const replyThenRecord = (reply: HookReply, record: () => void | Promise<void>): ReplyThenRecord =>
  new ReplyThenRecord(reply, record);

/** What a handler returns: a reply alone (its work is done), or a reply and the recording to do after it. */
export type HookOutcome = HookReply | ReplyThenRecord;

export type HookHandler<P extends HookPayload = HookPayload> = (payload: P, ctx: HookContext) => HookOutcome | Promise<HookOutcome>;

/** The events one hook process serves, each with its handler. */
export type HookHandlers = { readonly [E in HookEventName]?: HookHandler<Extract<HookPayload, { hook_event_name: E }>> };

export interface HookIo extends HookWorld {
  /** Reads the payload from stdin. */
  readonly readStdin: () => Promise<StdinInput>;
  readonly writeStdout: (text: string) => void;
  readonly writeStderr: (text: string) => void;
  readonly cwd: () => string;
  /**
   * Told once the decision is out (printed, or there is none) and before the recording starts: the
   * resident server sends the decision to its client then, so a crash while recording loses no
   * decision. False means nobody took the decision (the server's client gave up waiting and runs
   * the hook itself): the call is then not recorded here, or it would be recorded twice.
   */
  readonly decided?: () => boolean | void;
}

export class HookInputError extends Error {
  override readonly name = "HookInputError";
}

/**
 * Parses what stdin gave into a payload, or explains precisely why it is not one. A payload cut
 * off by the deadline is read as far as it came (see closeTruncatedJson).
 */
export function parseHookInput(input: StdinInput): HookPayload {
  const { text, cutOffAfterMs } = input;
  // What came before a cut-off is judged as a payload, but an error must say why it was short.
  const stdin = cutOffAfterMs === undefined ? "stdin" : `stdin (cut off: no whole payload within ${cutOffAfterMs} ms)`;
  let json: unknown = input.json;
  if (json === undefined) {
    try {
      json = JSON.parse(cutOffAfterMs === undefined ? text : (closeTruncatedJson(text) ?? text));
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new HookInputError(`${stdin} is not JSON (${why}); received: ${preview(text)}`, { cause });
    }
  }
  const event = json != null && typeof json === "object" && "hook_event_name" in json ? json.hook_event_name : undefined;
  if (!isHookEventName(event)) {
    throw new HookInputError(
      `${stdin} has hook_event_name ${JSON.stringify(event)}; Warden handles ${Object.keys(PAYLOAD_SCHEMAS).join(", ")}; received: ${preview(text)}`,
    );
  }
  const schema: z.ZodMiniType<HookPayload> = PAYLOAD_SCHEMAS[event]();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    throw new HookInputError(`${stdin} is not a Claude Code hook payload Warden handles (${issues}); received: ${preview(text)}`);
  }
  return parsed.data;
}

/** Calls the handler for the payload's event; a hook wired to an event it does not serve is an error. */
export function dispatchHook(
  hookName: string,
  handlers: HookHandlers,
  payload: HookPayload,
  ctx: HookContext,
): HookOutcome | Promise<HookOutcome> {
  const handler = handlers[payload.hook_event_name] as HookHandler | undefined;
  if (handler == null)
    throw new HookInputError(`hook "${hookName}" does not handle ${payload.hook_event_name}; check the wiring in settings.json`);
  return handler(payload, ctx);
}

/**
 * The process boundary of every hook: drains stdin, dispatches, prints at most one JSON object,
 * then records, and turns any failure into one line in errors.log (or stderr if even that fails).
 * It never exits non-zero: a crashing hook must not disturb the user's Claude Code session. A
 * failure after the reply is printed (the recording) is only logged: with fail_mode "closed" it
 * never turns an allowed call into a denied one, and never adds a second JSON object.
 */
export async function runHook(
  hookName: string,
  handlers: HookHandlers,
  guard: GuardFactories = {},
  io: HookIo = processIo(),
): Promise<void> {
  let input: StdinInput = { text: "" };
  let payload: HookPayload | undefined;
  let ctx: HookContext | undefined;
  let replied = false;
  try {
    // Read to the end before anything else: exiting early makes Claude Code drop our decision (EPIPE).
    input = await io.readStdin();
    payload = parseHookInput(input);
    ctx = createHookContext(payload, io, guard, input.cutOffAfterMs);
    const outcome = await dispatchHook(hookName, handlers, payload, ctx);
    const reply = outcome instanceof ReplyThenRecord ? outcome.reply : outcome;
    if (reply !== undefined) io.writeStdout(`${JSON.stringify(reply)}\n`);
    replied = true;
    const taken = io.decided?.() !== false;
    if (taken && outcome instanceof ReplyThenRecord) await outcome.record();
  } catch (error) {
    reportFailure(hookName, error, input.text, payload, io);
    if (!replied && payload?.hook_event_name === "PreToolUse" && ctx?.config.failMode === "closed")
      io.writeStdout(`${JSON.stringify(failClosedReply(error))}\n`);
    if (!replied) io.decided?.();
  }
}

/** With fail_mode "closed", a call Warden could not check is denied rather than let through. */
function failClosedReply(error: unknown): HookReply {
  const why = error instanceof Error ? error.message : String(error);
  const reason = `Warden could not check this call (${why.slice(0, 300)}) and its fail_mode is "closed", so the call is denied. Ask the user to check \`warden doctor\` or run the command themselves.`;
  return { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } };
}

function reportFailure(hookName: string, error: unknown, text: string, payload: HookPayload | undefined, io: HookIo): void {
  const message = error instanceof Error ? error.message : String(error);
  const entry = {
    hook: hookName,
    event: payload?.hook_event_name ?? null,
    session_id: payload?.session_id ?? sessionIdOf(text),
    message,
    stack: error instanceof Error ? (error.stack ?? null) : null,
  };
  try {
    const root = resolveWardenDir({ env: io.env, cwd: payload?.cwd ?? cwdOf(text) ?? io.cwd() });
    new SessionStore(root, io.now).appendError(entry);
  } catch (logError) {
    const why = logError instanceof Error ? logError.message : String(logError);
    io.writeStderr(`warden ${hookName}: ${message} (errors.log not writable: ${why})\n`);
  }
}

/** Best effort for malformed payloads: log under the project the payload names, if it names one. */
function cwdOf(text: string): string | undefined {
  const match = /"cwd"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  if (!match?.[1]) return undefined;
  try {
    const cwd: unknown = JSON.parse(`"${match[1]}"`);
    return typeof cwd === "string" && path.isAbsolute(cwd) ? cwd : undefined;
  } catch {
    return undefined;
  }
}

function sessionIdOf(text: string): string | null {
  return /"session_id"\s*:\s*"([A-Za-z0-9._-]{1,200})"/.exec(text)?.[1] ?? null;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${JSON.stringify(flat.slice(0, 200))}… (${text.length} chars)` : JSON.stringify(flat);
}

/** The real process: stdin, stdout and stderr through their file descriptors (see readStdin for why). */
export function processIo(): HookIo {
  return {
    ...realWorld(),
    readStdin: () => readStdin(STDIN_DEADLINE_MS),
    writeStdout: (text) => writeAll(1, text),
    writeStderr: (text) => writeAll(2, text),
    cwd: () => process.cwd(),
  };
}
