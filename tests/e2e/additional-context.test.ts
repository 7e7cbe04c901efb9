import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTempWorld,
  lastUserMessage,
  logEveryHook,
  logHook,
  readTranscript,
  runClaude,
  scriptByStep,
  startStandIn,
  textOf,
  writeProjectSettings,
  type ModelRequest,
  type StandIn,
  type TempWorld,
  type Transcript,
} from "./support/index.js";

/**
 * Where a PostToolUse hook's `additionalContext` reaches the model (2.1.197): as a separate text
 * block `<system-reminder>\nPostToolUse:<Tool> hook additional context: <text>\n</system-reminder>`
 * appended to the user message that carries the batch's tool_results, after all of them. The
 * tool_result itself is unchanged. The transcript records it as a `hook_additional_context`
 * attachment line (`content: [<text>]`, `toolUseID`, `hookEvent`).
 */

const CONTEXT = "CTX-4242 the file was checked by the test hook";

describe("PostToolUse additionalContext", () => {
  let world: TempWorld;
  let standIn: StandIn;
  let next: ModelRequest | undefined;
  let toolUseId: string;
  let transcript: Transcript;

  beforeAll(async () => {
    world = createTempWorld();
    const log = world.file("hooks.jsonl");
    const answer = { hookSpecificOutput: { hookEventName: "PostToolUse", additionalContext: CONTEXT } };
    writeProjectSettings(
      world.projectDir,
      logEveryHook(log, { PostToolUse: [logHook(log, { whenPayloadIncludes: "context-please", stdout: answer })] }),
    );
    standIn = await startStandIn(
      scriptByStep({
        main: [
          {
            toolUses: [
              { name: "Bash", input: { command: "echo context-please", description: "Ask for context" } },
              { name: "Bash", input: { command: "echo no-context", description: "Plain call" } },
            ],
          },
          { text: "Noted." },
        ],
      }),
    );
    const run = await runClaude({ projectDir: world.projectDir, home: world.home, standInUrl: standIn.url, prompt: "Run both." });
    toolUseId = standIn.toolUses()[0]?.id ?? "missing";
    next = standIn.requestWithToolResult(toolUseId);
    transcript = readTranscript(world.home, world.projectDir, run.result.session_id);
  });

  afterAll(async () => {
    await standIn?.close();
    world?.cleanup();
  });

  it("reaches the next request as a system-reminder after the tool results", () => {
    const blocks = lastUserMessage(next!)?.["content"];
    expect(Array.isArray(blocks) ? blocks.map((block: unknown) => textOf(block)).at(-1) : undefined).toBe(
      `<system-reminder>\nPostToolUse:Bash hook additional context: ${CONTEXT}\n</system-reminder>`,
    );
  });

  it("leaves the tool_result itself unchanged", () => {
    expect(standIn.toolResultFor(toolUseId)).toEqual({ toolUseId, isError: false, text: "context-please" });
  });

  it("is sent once, for the call whose hook returned it", () => {
    expect(JSON.stringify(next?.body).split("hook additional context").length - 1).toBe(1);
  });

  it("is recorded as a hook_additional_context attachment in the transcript", () => {
    const attachments = transcript.lines
      .map((line) => line["attachment"])
      .filter((attachment): attachment is Record<string, unknown> => typeof attachment === "object" && attachment !== null)
      .filter((attachment) => attachment["type"] === "hook_additional_context");
    expect(attachments.map((a) => [a["hookEvent"], a["toolUseID"], a["content"]])).toEqual([["PostToolUse", toolUseId, [CONTEXT]]]);
  });
});
