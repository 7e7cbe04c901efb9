import { describe, expect, it } from "vitest";
import type { AttributedLine, CommitAttribution } from "./commit-attribution.js";
import { hashLine } from "./line-text.js";
import {
  AGENT_TRACE_VERSION,
  buildTraceNote,
  notedLines,
  parseTraceNotes,
  type NoteAuthor,
  type NoteInput,
  type Segment,
} from "./trace-note.js";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const NOW = new Date("2026-12-01T10:00:00.000Z");
const author = (session: string, toolUse: string, model: string | null, prompt: string | null = null): NoteAuthor => ({
  session_id: session,
  tool_use_id: toolUse,
  prompt_id: "p1",
  agent_id: null,
  tool_name: "Edit",
  at: "2026-12-01T09:00:00.000Z",
  model,
  prompt,
});
const segment: Segment = {
  session_id: "s1",
  transcript: { from: 0, to: 1200 },
  records: { from: 1, to: 9 },
  prompts: 1,
  events: 7,
  verdicts: { allowed: 6, warned: 1, blocked: 0 },
  flagged: [{ record_id: 5, tool_name: "Bash", verdict: "warned", severity: "medium", rules: ["r1"], what: "curl | sh" }],
  tokens: { input: 10, output: 20, cache_write: 30, cache_read: 40 },
  cost_usd: 0.5,
  unpriced_models: [],
  models: ["claude-opus-4-5-20251101"],
};
const line = (n: number, origin: AttributedLine["origin"], a?: number): AttributedLine =>
  a == null ? { line: n, hash: hashLine(`line ${n}`), origin } : { line: n, hash: hashLine(`line ${n}`), origin, author: a };

const attribution: CommitAttribution = {
  authors: [],
  files: [
    {
      path: "src/a.ts",
      binary: false,
      skipped: false,
      addedCount: 7,
      lines: [
        line(1, "ai", 0),
        line(2, "ai", 0),
        line(3, "human"),
        line(4, "ai", 0),
        line(6, "mixed", 1),
        line(7, "ai", 1),
        line(9, "unknown"),
      ],
    },
    { path: "src/b.ts", binary: false, skipped: false, addedCount: 0, lines: [] },
    { path: "logo.png", binary: true, skipped: true, addedCount: 0, lines: [] },
    { path: "big.json", binary: false, skipped: true, addedCount: 30_000, lines: [] },
  ],
};
const input = (over: Partial<NoteInput> = {}): NoteInput => ({
  commit: COMMIT,
  parents: ["fedcba9876543210fedcba9876543210fedcba98"],
  branch: "main",
  amendOf: null,
  sessionId: "s1",
  attribution,
  authors: [author("s1", "t1", "claude-opus-4-5-20251101", "make it so"), author("s2", "t2", null)],
  segment,
  wardenVersion: "0.1.0",
  now: NOW,
  ...over,
});

describe("buildTraceNote", () => {
  it("is an Agent Trace 0.1.0 record about the commit", () => {
    const note = buildTraceNote(input());
    expect({ version: note.version, id: note.id, timestamp: note.timestamp, vcs: note.vcs, tool: note.tool }).toEqual({
      version: "0.1.0",
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      timestamp: "2026-12-01T10:00:00.000Z",
      vcs: { type: "git", revision: COMMIT },
      tool: { name: "warden", version: "0.1.0" },
    });
  });

  it("follows the specification's version pattern", () => {
    expect(AGENT_TRACE_VERSION).toMatch(/^[0-9]+\.[0-9]+\.[0-9]+$/);
  });

  it("gives each record its own id", () => {
    expect(buildTraceNote(input()).id).not.toBe(buildTraceNote(input()).id);
  });

  it("lists per file one conversation per contributor and session, with contiguous line ranges", () => {
    const note = buildTraceNote(input());
    expect(note.files).toEqual([
      {
        path: "src/a.ts",
        conversations: [
          {
            url: "claude-code:session/s1",
            contributor: { type: "ai", model_id: "anthropic/claude-opus-4-5-20251101" },
            ranges: [
              { start_line: 1, end_line: 2, content_hash: `warden-fnv64:${hashLine(hashLine("line 1") + hashLine("line 2"))}` },
              { start_line: 4, end_line: 4, content_hash: `warden-fnv64:${hashLine(hashLine("line 4"))}` },
            ],
          },
          {
            contributor: { type: "human" },
            ranges: [{ start_line: 3, end_line: 3, content_hash: expect.stringMatching(/^warden-fnv64:[0-9a-f]{16}$/) }],
          },
          {
            url: "claude-code:session/s2",
            contributor: { type: "mixed" },
            ranges: [{ start_line: 6, end_line: 6, content_hash: expect.stringMatching(/^warden-fnv64:/) }],
          },
          {
            url: "claude-code:session/s2",
            contributor: { type: "ai" },
            ranges: [{ start_line: 7, end_line: 7, content_hash: expect.stringMatching(/^warden-fnv64:/) }],
          },
          {
            contributor: { type: "unknown" },
            ranges: [{ start_line: 9, end_line: 9, content_hash: expect.stringMatching(/^warden-fnv64:/) }],
          },
        ],
      },
    ]);
  });

  it.each([["gpt-4o"], ["us.anthropic.claude-opus-4-5-20251101-v1:0"]])("keeps a model name it cannot place (%s) as it is", (model) => {
    const note = buildTraceNote(input({ authors: [author("s1", "t1", model), author("s2", "t2", null)] }));
    expect(note.files[0]).toEqual(
      expect.objectContaining({
        conversations: expect.arrayContaining([expect.objectContaining({ contributor: { type: "ai", model_id: model } })]),
      }),
    );
  });

  it("keeps a model name that already names its provider", () => {
    const note = buildTraceNote(input({ authors: [author("s1", "t1", "openrouter/some-model"), author("s2", "t2", null)] }));
    expect(note.files[0]).toEqual(
      expect.objectContaining({
        conversations: expect.arrayContaining([
          expect.objectContaining({ contributor: { type: "ai", model_id: "openrouter/some-model" } }),
        ]),
      }),
    );
  });

  it("keeps Warden's own part under metadata.warden: every file, its counts and its lines one by one", () => {
    const warden = buildTraceNote(input({ amendOf: "a".repeat(40) })).metadata.warden;
    expect(warden).toEqual({
      commit: COMMIT,
      parents: ["fedcba9876543210fedcba9876543210fedcba98"],
      branch: "main",
      amend_of: "a".repeat(40),
      committed_by_session: "s1",
      authors: input().authors,
      files: [
        {
          path: "src/a.ts",
          added: 7,
          binary: false,
          skipped: false,
          lines: [
            `1:${hashLine("line 1")}:a:0`,
            `2:${hashLine("line 2")}:a:0`,
            `3:${hashLine("line 3")}:h`,
            `4:${hashLine("line 4")}:a:0`,
            `6:${hashLine("line 6")}:m:1`,
            `7:${hashLine("line 7")}:a:1`,
            `9:${hashLine("line 9")}:u`,
          ],
        },
        { path: "src/b.ts", added: 0, binary: false, skipped: false, lines: [] },
        { path: "logo.png", added: 0, binary: true, skipped: true, lines: [] },
        { path: "big.json", added: 30_000, binary: false, skipped: true, lines: [] },
      ],
      segment,
    });
  });

  it("survives JSON and the note parser unchanged", () => {
    const note = buildTraceNote(input());
    expect(parseTraceNotes(`${JSON.stringify(note, null, 1)}\n`)).toEqual([note]);
  });
});

describe("notedLines", () => {
  const warden = buildTraceNote(input()).metadata.warden;

  it("gives back the attributed lines of a file", () => {
    expect(notedLines(warden, "src/a.ts")).toEqual(attribution.files[0]?.lines);
  });

  it("gives an empty list for a file the commit added nothing to", () => {
    expect(notedLines(warden, "src/b.ts")).toEqual([]);
  });

  it("gives nothing for a file the note does not name", () => {
    expect(notedLines(warden, "src/other.ts")).toBeUndefined();
  });

  it("skips entries it cannot read", () => {
    const damaged = {
      ...warden,
      files: [{ path: "x", added: 3, binary: false, skipped: false, lines: ["1:abc:a:0", "2:def:zz", "nonsense", "4:ghi:h:x"] }],
    };
    expect(notedLines(damaged, "x")).toEqual([
      { line: 1, hash: "abc", origin: "ai", author: 0 },
      { line: 4, hash: "ghi", origin: "human" },
    ]);
  });
});

describe("parseTraceNotes", () => {
  const first = buildTraceNote(input());
  const second = buildTraceNote(input({ commit: "b".repeat(40), sessionId: "s2" }));
  const text = (note: object) => `${JSON.stringify(note, null, 1)}\n`;

  // notes.rewriteMode concatenate (the default) joins the two notes of squashed commits with a blank line.
  it("reads both records of two notes git joined", () => {
    expect(parseTraceNotes(`${text(first)}\n${text(second)}`)).toEqual([first, second]);
  });

  it("reads records written on one line each, back to back", () => {
    expect(parseTraceNotes(JSON.stringify(first) + JSON.stringify(second))).toEqual([first, second]);
  });

  it("reads a record whose strings hold braces, quotes and backslashes", () => {
    const tricky = buildTraceNote(input({ authors: [author("s1", "t1", null, 'fix {"a": "}"} \\ and \\" {{'), author("s2", "t2", null)] }));
    expect(parseTraceNotes(`${text(tricky)}\n${text(second)}`)).toEqual([tricky, second]);
  });

  it.each([
    ["plain text", "reviewed by Ann"],
    ["empty text", ""],
    ["JSON that is not Warden's", '{"reviewer": "Ann", "ok": true}'],
    [
      "an Agent Trace record of another tool",
      JSON.stringify({ version: "0.1.0", id: "x", timestamp: "t", vcs: { type: "git", revision: "r" }, files: [] }),
    ],
    ["broken JSON", '{"version": "0.1.0", '],
  ])("reads no record from %s", (_what, foreign) => {
    expect(parseTraceNotes(foreign)).toEqual([]);
  });

  it.each([
    ["plain text", "reviewed by Ann\n"],
    ["text with braces", "see {this} and {that}\n"],
    ["text with a stray quote", 'Ann said "ship it\n'],
    ["text with a stray opening brace", "TODO {\n"],
    ["text with a stray closing brace", "oops }\n"],
    ["JSON that is not Warden's", '{"reviewer": "Ann"}\n'],
  ])("reads Warden's records beside %s", (_what, foreign) => {
    expect(parseTraceNotes(`${foreign}\n${text(first)}\n${foreign}\n${text(second)}`)).toEqual([first, second]);
  });
});
