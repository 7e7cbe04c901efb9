#!/usr/bin/env node
// `node scripts/bench-statusline.mjs [megabytes]`: how long `warden statusline` takes, as Claude Code
// runs it (the built hooks/warden.mjs, the payload on stdin), on a generated session of about 10 MB:
// the first call (reads the whole transcript), the next call with nothing new, the next after a turn
// was appended, and the same in a project Warden does not record (no data directory: the whole
// transcript every time). Figures, not assertions. Uses the built CLI and core (`pnpm build` first).
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "hooks/warden.mjs");
const core = await import(pathToFileURL(path.join(root, "packages/core/dist/index.js")).href);
const targetBytes = Number(process.argv[2] ?? 10) * 1024 * 1024;
const sessionId = randomUUID();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-bench-statusline-"));
try {
  const wired = path.join(dir, "wired");
  const unwired = path.join(dir, "unwired");
  fs.mkdirSync(unwired);
  fs.mkdirSync(wired);
  const transcriptPath = path.join(dir, ".claude", "projects", "-bench", `${sessionId}.jsonl`);
  fs.mkdirSync(path.dirname(transcriptPath), { recursive: true });
  let turn = 0;
  while ((fs.statSync(transcriptPath, { throwIfNoEntry: false })?.size ?? 0) < targetBytes) appendTurn(transcriptPath, turn++);
  recordSession(wired, transcriptPath, 200);
  console.log(`transcript ${(fs.statSync(transcriptPath).size / 1024 / 1024).toFixed(1)} MB (${turn} turns), 200 recorded calls`);
  for (const [label, project] of [
    ["wired", wired],
    ["unwired", unwired],
  ]) {
    console.log(`${label}: first call ${call(project, transcriptPath)} ms`);
    console.log(`${label}: next call, nothing new ${median(() => call(project, transcriptPath))} ms (median of 5)`);
    console.log(
      `${label}: next call, one turn appended ${median(() => {
        appendTurn(transcriptPath, turn++);
        return call(project, transcriptPath);
      })} ms (median of 5)`,
    );
  }
  console.log(`node start-up alone (--version) ${median(() => time(["--version"], "", dir))} ms (median of 5)`);
} finally {
  // WARDEN_BENCH_KEEP=1 keeps the session and the payloads, for timing by an outside tool.
  if (process.env.WARDEN_BENCH_KEEP === "1") console.log(`kept ${dir} (payloads: ${dir}/wired.json, ${dir}/unwired.json)`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

function call(project, transcriptPath) {
  const payload = {
    session_id: sessionId,
    transcript_path: transcriptPath,
    cwd: project,
    workspace: { current_dir: project, project_dir: project },
  };
  fs.writeFileSync(`${project}.json`, JSON.stringify(payload));
  return time(["statusline"], JSON.stringify(payload), project);
}

function time(args, stdin, cwd) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, ...args], {
    input: stdin,
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, NO_COLOR: "1" },
    encoding: "utf8",
  });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`bench-statusline: warden ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return Math.round(ms);
}

function median(measure) {
  const runs = Array.from({ length: 5 }, measure).toSorted((a, b) => a - b);
  return runs[2];
}

/** A prompt, an API response split into text and tool_use lines repeating its usage, and the tool result. */
function appendTurn(file, turn) {
  const id = `msg_${randomBytes(10).toString("hex")}`;
  const toolId = `toolu_${randomBytes(10).toString("hex")}`;
  const head = { parentUuid: randomUUID(), isSidechain: false };
  const tail = { userType: "external", entrypoint: "cli", cwd: "/bench", sessionId, version: "2.1.197", gitBranch: "main" };
  const usage = (output) => ({
    input_tokens: 5,
    cache_creation_input_tokens: 1200,
    cache_read_input_tokens: 40_000 + turn,
    output_tokens: output,
    server_tool_use: { web_search_requests: 0, web_fetch_requests: 0 },
    service_tier: "standard",
    cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 1200 },
    inference_geo: "",
    iterations: [],
    speed: "standard",
  });
  const blocks = [
    { type: "text", text: `Step ${turn}: ${"looking at the code ".repeat(20)}` },
    { type: "tool_use", id: toolId, name: "Bash", input: { command: `npm test -- ${turn}`, description: "Run the tests" } },
  ];
  const lines = [];
  if (turn % 10 === 0)
    lines.push({
      ...head,
      type: "user",
      message: { role: "user", content: `Fix module ${turn}` },
      uuid: randomUUID(),
      timestamp: new Date().toISOString(),
      ...tail,
    });
  blocks.forEach((block, i) =>
    lines.push({
      ...head,
      message: {
        id,
        type: "message",
        role: "assistant",
        model: "claude-sonnet-4-5-20250929",
        content: [block],
        stop_reason: i === 1 ? "tool_use" : null,
        stop_sequence: null,
        usage: usage(i === 1 ? 300 : 100),
        stop_details: null,
      },
      requestId: `req_${id}`,
      type: "assistant",
      uuid: randomUUID(),
      timestamp: new Date().toISOString(),
      ...tail,
    }),
  );
  const output = "ok ".repeat(1500);
  lines.push({
    ...head,
    type: "user",
    message: { role: "user", content: [{ tool_use_id: toolId, type: "tool_result", content: output, is_error: false }] },
    uuid: randomUUID(),
    timestamp: new Date().toISOString(),
    toolUseResult: { stdout: output, stderr: "", interrupted: false, isImage: false },
    sourceToolAssistantUUID: randomUUID(),
    ...tail,
  });
  fs.appendFileSync(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
}

/** The session's records, as the hooks would have written them: an init and `calls` Bash calls. */
function recordSession(project, transcriptPath, calls) {
  const store = new core.SessionStore(path.join(project, ".warden"));
  store.append(sessionId, {
    type: "init",
    session_id: sessionId,
    source: "startup",
    cwd: project,
    project_dir: project,
    transcript_path: transcriptPath,
    git: null,
    platform: process.platform,
    warden_version: "bench",
  });
  for (let i = 0; i < calls; i++)
    store.append(sessionId, {
      type: "event",
      tool_use_id: `toolu_${i}`,
      tool_name: "Bash",
      outcome: "completed",
      timestamp_start: new Date().toISOString(),
      timestamp_end: new Date().toISOString(),
      duration_ms: 5,
      tool_input: { command: `npm test -- ${i}` },
      tool_output: { stdout: "ok ".repeat(500), stderr: "" },
      is_error: false,
      working_dir: project,
      files_accessed: [],
      verdict: i % 50 === 49 ? "warned" : "allowed",
      severity: i % 50 === 49 ? "medium" : null,
      rules_matched: [],
      findings: [],
      scan_time_ms: 0,
    });
}
