import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answer, HAIKU } from "../../packages/core/src/history/claude-history.fixture.js";
import { CLI, runProcess, type ProcessResult } from "../support/hook-process.js";

// `warden cost --all-projects` as the built CLI runs it: a temp HOME and CLAUDE_CONFIG_DIR holding
// transcripts shaped as Claude Code 2.1.197 writes them, and a project folder to run it from.

interface World {
  readonly root: string;
  readonly home: string;
  readonly configDir: string;
  readonly cwd: string;
}

let world: World;
beforeEach(() => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "warden-cost-all-")));
  world = { root, home: path.join(root, "home"), configDir: path.join(root, "claude-config"), cwd: path.join(root, "project") };
  for (const dir of [world.home, world.configDir, world.cwd]) fs.mkdirSync(dir);
});
afterEach(() => fs.rmSync(world.root, { recursive: true, force: true }));

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";
const C = "cccccccc-0000-4000-8000-000000000003";

function writeTranscript(claudeDir: string, slug: string, sessionId: string, lines: readonly string[]): void {
  const file = path.join(claudeDir, "projects", slug, `${sessionId}.jsonl`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines.map((line) => `${line}\n`).join(""));
}

/** Two projects in CLAUDE_CONFIG_DIR ($3 + $15 + $1 + $5 = $24), one in HOME/.claude ($3). */
function writeHistories(): void {
  writeTranscript(world.configDir, "-home-dev-app", A, [
    ...answer(A, "msg_1", "2026-11-21T10:00:00.000Z", { blocks: 2, usage: { input: 1_000_000, output: 1_000_000 } }),
  ]);
  writeTranscript(world.configDir, "-home-dev-other", B, [
    ...answer(B, "msg_2", "2026-11-22T10:00:00.000Z", { model: HAIKU, usage: { input: 1_000_000, output: 1_000_000 } }),
    ...answer(B, "msg_3", "2026-11-22T11:00:00.000Z", { model: "claude-unknown-9", usage: { input: 7, output: 9 } }),
  ]);
  writeTranscript(path.join(world.home, ".claude"), "-home-dev-app", C, [
    ...answer(C, "msg_4", "2026-11-21T10:00:00.000Z", { usage: { input: 1_000_000, output: 0 } }),
  ]);
}

function warden(args: readonly string[], env: Record<string, string> = {}): Promise<ProcessResult> {
  const base = { PATH: process.env.PATH ?? "", HOME: world.home, TZ: "UTC", NO_COLOR: "1" };
  return runProcess(process.execPath, [CLI, "cost", ...args], "", { ...base, ...env }, world.cwd);
}

const withConfigDir = { CLAUDE_CONFIG_DIR: "" };
const totalOf = (result: ProcessResult): unknown => [result.code, JSON.parse(result.stdout).total_cost_usd];

describe("warden cost --all-projects: where it reads", () => {
  it("reads $CLAUDE_CONFIG_DIR when it is set", async () => {
    writeHistories();
    expect(totalOf(await warden(["--all-projects", "--json"], { CLAUDE_CONFIG_DIR: world.configDir }))).toEqual([0, 24]);
  });

  it("reads ~/.claude when CLAUDE_CONFIG_DIR is not set", async () => {
    writeHistories();
    expect(totalOf(await warden(["--all-projects", "--json"]))).toEqual([0, 3]);
  });

  it("reads ~/.claude when CLAUDE_CONFIG_DIR is empty", async () => {
    writeHistories();
    expect(totalOf(await warden(["--all-projects", "--json"], withConfigDir))).toEqual([0, 3]);
  });

  it("reads --claude-dir, relative to the working directory, over CLAUDE_CONFIG_DIR", async () => {
    writeHistories();
    const result = await warden(["--all-projects", "--json", "--claude-dir", "../home/.claude"], { CLAUDE_CONFIG_DIR: world.configDir });
    expect([result.code, JSON.parse(result.stdout).claude_dir]).toEqual([0, path.join(world.home, ".claude")]);
  });

  it.each([
    [["--claude-dir", "missing"], {}, "--claude-dir"],
    [[], { CLAUDE_CONFIG_DIR: "/nonexistent/claude" }, "CLAUDE_CONFIG_DIR"],
  ])("exits 3 naming %j when the Claude dir it is given does not exist", async (args, env, named) => {
    const result = await warden(["--all-projects", ...args], env);
    expect([result.code, result.stdout, result.stderr]).toEqual([3, "", expect.stringContaining(`${named} is `)]);
  });

  it("reports an empty history when the Claude dir has no projects/ folder", async () => {
    const result = await warden(["--all-projects"], { CLAUDE_CONFIG_DIR: world.configDir });
    expect([result.code, result.stdout]).toEqual([0, `no Claude Code usage found under ${world.configDir}\n`]);
  });
});

describe("warden cost --all-projects --json", () => {
  it("gives the grand total at the top level, the periods, the unpriced models and the read counts", async () => {
    writeHistories();
    const result = await warden(["--all-projects", "--json"], { CLAUDE_CONFIG_DIR: world.configDir });
    const tokens = (input: number, output: number, responses: number) => ({
      input_tokens: input,
      output_tokens: output,
      cache_write_5m_tokens: 0,
      cache_write_1h_tokens: 0,
      cache_read_tokens: 0,
      web_search_requests: 0,
      responses,
    });
    const priced = (model: string, cost: number | null, input: number, output: number) => ({
      ...tokens(input, output, 1),
      cost_usd: cost,
      priced_as: model,
      price_source: "warden",
    });
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      0,
      {
        claude_dir: world.configDir,
        by: "day",
        time_zone: "UTC",
        since: null,
        until: null,
        total_cost_usd: 24,
        unpriced_models: ["claude-unknown-9"],
        periods: [
          {
            period: "2026-11-21",
            sessions: 1,
            projects: 1,
            tokens: tokens(1_000_000, 1_000_000, 1),
            cost_usd: 18,
            unpriced_models: [],
            models: { "claude-sonnet-4-5-20250929": priced("claude-sonnet-4-5", 18, 1_000_000, 1_000_000) },
          },
          {
            period: "2026-11-22",
            sessions: 1,
            projects: 1,
            tokens: tokens(1_000_007, 1_000_009, 2),
            cost_usd: 6,
            unpriced_models: ["claude-unknown-9"],
            models: {
              "claude-haiku-4-5-20251001": priced("claude-haiku-4-5", 6, 1_000_000, 1_000_000),
              "claude-unknown-9": { ...priced("claude-unknown-9", null, 7, 9), priced_as: null, price_source: null },
            },
          },
        ],
        total: {
          period: "total",
          sessions: 2,
          projects: 2,
          tokens: tokens(2_000_007, 2_000_009, 3),
          cost_usd: 24,
          unpriced_models: ["claude-unknown-9"],
          models: {
            "claude-haiku-4-5-20251001": priced("claude-haiku-4-5", 6, 1_000_000, 1_000_000),
            "claude-sonnet-4-5-20250929": priced("claude-sonnet-4-5", 18, 1_000_000, 1_000_000),
            "claude-unknown-9": { ...priced("claude-unknown-9", null, 7, 9), priced_as: null, price_source: null },
          },
        },
        read: {
          projects: 2,
          sessions: 2,
          files: 2,
          bytes: expect.any(Number),
          lines: 4,
          corrupt_lines: 0,
          partial_lines: 0,
          invalid_lines: 0,
          responses: 3,
          duplicate_lines: 1,
          cached_files: 0,
        },
        cache: expect.stringMatching(
          new RegExp(`^${escapeRegExp(path.join(world.home, ".local", "state", "warden", "usage-history"))}/[0-9a-f]{16}\\.json$`),
        ),
      },
    ]);
  });

  it("names the time zone it cut the days in, from --timezone", async () => {
    writeHistories();
    const result = await warden(["--all-projects", "--json", "--timezone", "America/St_Johns"], { CLAUDE_CONFIG_DIR: world.configDir });
    expect(JSON.parse(result.stdout).time_zone).toBe("America/St_Johns");
  });

  it("cuts the days in $TZ when it is an IANA name", async () => {
    writeHistories();
    const result = await warden(["--all-projects", "--json"], { CLAUDE_CONFIG_DIR: world.configDir, TZ: "Asia/Kolkata" });
    expect(JSON.parse(result.stdout).time_zone).toBe("Asia/Kolkata");
  });

  it.each([":/etc/localtime", "UTC0", ""])("runs when $TZ is %j, which is not an IANA name, in UTC", async (tz) => {
    writeHistories();
    const result = await warden(["--all-projects", "--json"], { CLAUDE_CONFIG_DIR: world.configDir, TZ: tz });
    expect([result.code, result.stderr, JSON.parse(result.stdout || "{}").time_zone]).toEqual([0, "", "UTC"]);
  });
});

describe("warden cost --all-projects usage errors", () => {
  it.each([
    [["--all-projects", "--since", "2026-02-30"], '--since must be a date, YYYY-MM-DD or YYYYMMDD; got "2026-02-30"'],
    [["--all-projects", "--until", "yesterday"], '--until must be a date, YYYY-MM-DD or YYYYMMDD; got "yesterday"'],
    [["--all-projects", "--timezone", "Mars/Olympus"], '--timezone: unknown time zone "Mars/Olympus"'],
    [["--all-projects", "--since", "2026-11-22", "--until", "2026-11-21"], "--since 2026-11-22 is after --until 2026-11-21"],
    [["--all-projects", "--weekly", "--blocks"], "--weekly and --blocks cannot be combined: choose one"],
    [["--all-projects", "--order", "newest"], '--order must be asc or desc, not "newest"'],
    [["--all-projects", "--dir", "."], "--dir names one project's data; --all-projects reads every transcript"],
    [["--weekly"], "--weekly works with --all-projects only"],
    [["--since", "2026-11-21"], "--since works with --all-projects only"],
  ])("exits 2 on %j with a message saying what is wrong", async (args, message) => {
    writeHistories();
    const result = await warden(args, { CLAUDE_CONFIG_DIR: world.configDir });
    expect([result.code, result.stdout, result.stderr]).toEqual([2, "", expect.stringContaining(message)]);
  });
});

describe("warden cost --all-projects writes nothing", () => {
  /** Every path under the world with its size and mtime. */
  function snapshot(): string[] {
    const entries = fs.readdirSync(world.root, { recursive: true, withFileTypes: true });
    return (
      entries
        .map((entry) => {
          const file = path.join(entry.parentPath, entry.name);
          const stat = fs.statSync(file);
          return `${path.relative(world.root, file)} ${stat.isDirectory() ? "dir" : stat.size} ${stat.mtimeMs}`;
        })
        // The cache's folder, and HOME's own mtime, which its creation changes.
        .filter((line) => !line.startsWith(path.join("home", ".local")) && !line.startsWith("home dir "))
        .toSorted()
    );
  }

  it("leaves the Claude dir, HOME and the working directory as they were, but for its cache", async () => {
    writeHistories();
    const before = snapshot();
    const env = { CLAUDE_CONFIG_DIR: world.configDir };
    const runs = [
      await warden(["--all-projects"], env),
      await warden(["--all-projects", "--json", "--blocks"], env),
      await warden(["--all-projects", "--session", "--breakdown"], env),
      await warden(["--all-projects", "--monthly"]),
    ];
    const caches = fs.readdirSync(path.join(world.home, ".local", "state", "warden", "usage-history"));
    // One cache file per Claude config dir read: CLAUDE_CONFIG_DIR's, then HOME/.claude's.
    expect([runs.map((run) => run.code), snapshot(), caches.length]).toEqual([[0, 0, 0, 0], before, 2]);
  });
});

describe("warden cost --all-projects table", () => {
  it("prints a row per day, the total, the unpriced model and what it read", async () => {
    writeHistories();
    const result = await warden(["--all-projects"], { CLAUDE_CONFIG_DIR: world.configDir });
    expect([result.code, result.stdout.split("\n")]).toEqual([
      0,
      [
        expect.stringMatching(/^day \(UTC\) +sessions +input +output +cache write +cache read +cost$/),
        expect.stringMatching(/^2026-11-21 +1 +1\.00M +1\.00M +0 +0 +\$18\.0000$/),
        expect.stringMatching(/^2026-11-22 +1 +1\.00M +1\.00M +0 +0 +\$6\.0000 +\+ unpriced: claude-unknown-9$/),
        expect.stringMatching(/^total +2 +2\.00M +2\.00M +0 +0 +\$24\.0000 +\+ unpriced: claude-unknown-9$/),
        "no price for claude-unknown-9: their tokens are counted, their cost is not in the totals",
        `2 transcript files of 2 sessions in 2 projects under ${world.configDir}`,
        "",
      ],
    ]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
