import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assistantLines, promptLine } from "../report/transcript/claude-transcript.fixture.js";
import { openUsageCache } from "./usage-cache.js";
import { readUsageHistory } from "./usage-history.js";

let root: string;
let claudeDir: string;
let cacheFile: string;
const project = () => path.join(claudeDir, "projects", "-home-dev-app");

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "warden-usage-cache-"));
  claudeDir = path.join(root, ".claude");
  cacheFile = path.join(root, "state", "usage-history", "cache.json");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeSession(sessionId: string, responses: readonly { id: string; output: number }[], mtime: Date): void {
  mkdirSync(project(), { recursive: true });
  const lines = [
    promptLine({ sessionId }, "go"),
    ...responses.flatMap((response) =>
      assistantLines(
        { sessionId },
        {
          id: response.id,
          requestId: `req_${response.id}`,
          model: "claude-sonnet-4-5-20250929",
          blocks: [{ type: "text", text: "ok" }],
          usage: { input: 100, output: response.output },
        },
      ),
    ),
  ];
  const file = path.join(project(), `${sessionId}.jsonl`);
  writeFileSync(file, lines.map((line) => `${line}\n`).join(""));
  utimesSync(file, mtime, mtime);
}

const outputOf = (history: Awaited<ReturnType<typeof readUsageHistory>>, sessionId: string) =>
  history.sessions.find((session) => session.session_id === sessionId)?.cells.reduce((n, cell) => n + cell.counts.output_tokens, 0);

describe("the usage cache", () => {
  it("gives the same sessions as reading the transcripts, without reading an unchanged file again", async () => {
    writeSession("a", [{ id: "msg_a1", output: 10 }], new Date("2026-11-01T00:00:00Z"));
    writeSession("b", [{ id: "msg_b1", output: 20 }], new Date("2026-11-02T00:00:00Z"));
    const fresh = await readUsageHistory(claudeDir, openUsageCache(cacheFile, claudeDir));
    const cached = await readUsageHistory(claudeDir, openUsageCache(cacheFile, claudeDir));
    expect({ files: cached.read.files, cached: cached.cached_files, sessions: cached.sessions }).toEqual({
      files: 0,
      cached: 2,
      sessions: fresh.sessions,
    });
  });

  it("reads a session again when its transcript grew", async () => {
    writeSession("a", [{ id: "msg_a1", output: 10 }], new Date("2026-11-01T00:00:00Z"));
    await readUsageHistory(claudeDir, openUsageCache(cacheFile, claudeDir));
    writeSession(
      "a",
      [
        { id: "msg_a1", output: 10 },
        { id: "msg_a2", output: 5 },
      ],
      new Date("2026-11-01T01:00:00Z"),
    );
    const again = await readUsageHistory(claudeDir, openUsageCache(cacheFile, claudeDir));
    expect({ files: again.read.files, output: outputOf(again, "a") }).toEqual({ files: 1, output: 15 });
  });

  it("gives a forked session back the responses its deleted parent had counted", async () => {
    // Named in creation order too: files made within the same millisecond are ordered by name.
    writeSession("a-parent", [{ id: "msg_p1", output: 10 }], new Date("2026-11-01T00:00:00Z"));
    writeSession(
      "b-fork",
      [
        { id: "msg_p1", output: 10 },
        { id: "msg_f1", output: 7 },
      ],
      new Date("2026-11-02T00:00:00Z"),
    );
    const before = await readUsageHistory(claudeDir, openUsageCache(cacheFile, claudeDir));
    rmSync(path.join(project(), "a-parent.jsonl"));
    const after = await readUsageHistory(claudeDir, openUsageCache(cacheFile, claudeDir));
    expect({ before: outputOf(before, "b-fork"), after: outputOf(after, "b-fork") }).toEqual({ before: 7, after: 17 });
  });

  it("is ignored, and replaced, when it is not a cache Warden wrote", async () => {
    writeSession("a", [{ id: "msg_a1", output: 10 }], new Date("2026-11-01T00:00:00Z"));
    await readUsageHistory(claudeDir, openUsageCache(cacheFile, claudeDir));
    writeFileSync(cacheFile, '{"version": 1, "claude_dir": "elsewhere"');
    const again = await readUsageHistory(claudeDir, openUsageCache(cacheFile, claudeDir));
    expect({ files: again.read.files, output: outputOf(again, "a") }).toEqual({ files: 1, output: 10 });
  });
});
