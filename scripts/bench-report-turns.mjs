#!/usr/bin/env node
// `node scripts/bench-report-turns.mjs [turns]`: time to write the reports (JSON, HTML, Markdown)
// of a session of 2,000 turns by default, transcript included: each turn a prompt, a thinking
// block, a reply, two tool calls (one of them parallel to the other) and a final answer, as
// Claude Code 2.1.197 writes them; every tenth turn runs a subagent. The first write reads the
// whole transcript; later ones resume from the transcript cache. Figures, not assertions.
// Uses the built core (`npx -y pnpm@10 turbo run build` first).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const core = await import(pathToFileURL(path.join(root, "packages/core/dist/index.js")).href);
const TURNS = Number(process.argv[2] ?? 2000);
const MODEL = "claude-sonnet-4-5-20250929";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-bench-turns-"));
try {
  const sessionId = "b3nch000-0000-4000-8000-000000002000";
  const project = path.join(dir, "app");
  const transcriptDir = path.join(dir, ".claude", "projects", "-app");
  fs.mkdirSync(transcriptDir, { recursive: true });
  const transcriptPath = path.join(transcriptDir, `${sessionId}.jsonl`);
  const session = generate(sessionId, project, transcriptPath);
  const store = new core.SessionStore(path.join(dir, ".warden"));
  fs.mkdirSync(store.paths.sessionsDir, { recursive: true });
  fs.writeFileSync(path.join(store.paths.sessionsDir, `${sessionId}.jsonl`), `${session.records.join("\n")}\n`);
  fs.writeFileSync(transcriptPath, `${session.transcript.join("\n")}\n`);
  const subagents = path.join(transcriptDir, sessionId, "subagents");
  fs.mkdirSync(subagents, { recursive: true });
  for (const [agentId, lines] of session.agents) fs.writeFileSync(path.join(subagents, `agent-${agentId}.jsonl`), `${lines.join("\n")}\n`);
  const times = [];
  for (let run = 0; run < 5; run++) {
    const started = process.hrtime.bigint();
    await core.writeSessionReports(store, sessionId, new Date());
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const bytes = ["json", "html", "md"].map((ext) => fs.statSync(path.join(store.paths.reportsDir, `${sessionId}.${ext}`)).size);
  const transcriptBytes = fs.statSync(transcriptPath).size;
  console.log(
    `Reports of a ${TURNS.toLocaleString("en-US")}-turn session (${session.events} tool calls, transcript ${mib(transcriptBytes)}): first write (whole transcript read) ${times[0].toFixed(0)} ms, later writes median ${median(times.slice(1)).toFixed(0)} ms; sizes ${bytes.map(mib).join(" / ")} (JSON / HTML / Markdown)`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

function generate(sessionId, project, transcriptPath) {
  const records = [];
  const transcript = [];
  const agents = new Map();
  let id = 0;
  let clock = Date.parse("2026-11-21T08:00:00.000Z");
  const at = (ms = clock) => new Date(ms).toISOString();
  const record = (fields) => records.push(JSON.stringify({ id: ++id, timestamp: at(), session_id: sessionId, ...fields }));
  let uuid = 0;
  const line = (fields, agentId) =>
    JSON.stringify({
      parentUuid: null,
      isSidechain: agentId != null,
      ...(agentId != null && { agentId }),
      userType: "external",
      entrypoint: "cli",
      cwd: project,
      sessionId,
      version: "2.1.197",
      gitBranch: "main",
      ...fields,
      uuid: `00000000-0000-4000-8000-${String(++uuid).padStart(12, "0")}`,
      timestamp: at(),
    });
  let message = 0;
  const response = (blocks, agentId) => {
    const mid = `msg_${++message}`;
    const usage = {
      input_tokens: 12,
      cache_creation_input_tokens: 900,
      cache_read_input_tokens: 40_000,
      output_tokens: 300,
      cache_creation: { ephemeral_5m_input_tokens: 900, ephemeral_1h_input_tokens: 0 },
      service_tier: "standard",
    };
    return blocks.map((block) =>
      line(
        {
          type: "assistant",
          requestId: `req_${message}`,
          message: { id: mid, type: "message", role: "assistant", model: MODEL, content: [block], usage },
        },
        agentId,
      ),
    );
  };
  const result = (toolUseId, content, agentId) =>
    line(
      {
        type: "user",
        message: { role: "user", content: [{ tool_use_id: toolUseId, type: "tool_result", content }] },
        toolUseResult: { stdout: content },
      },
      agentId,
    );
  const event = (toolUseId, tool, input, start, ms, agentId) =>
    record({
      type: "event",
      tool_use_id: toolUseId,
      tool_name: tool,
      outcome: "completed",
      timestamp_start: at(start),
      timestamp_end: at(start + ms),
      duration_ms: ms,
      tool_input: input,
      tool_output: { stdout: "ok\n".repeat(20), stderr: "" },
      is_error: false,
      working_dir: project,
      files_accessed: [],
      ...(agentId != null && { agent_id: agentId, agent_type: "Explore" }),
      prompt_id: currentPrompt,
      verdict: "allowed",
      severity: null,
      rules_matched: [],
      findings: [],
      scan_time_ms: 0.4,
    });
  record({
    type: "init",
    source: "startup",
    cwd: project,
    project_dir: project,
    transcript_path: transcriptPath,
    git: null,
    platform: "linux-x64",
    warden_version: core.WARDEN_VERSION,
  });
  let events = 0;
  let currentPrompt = "";
  for (let turn = 0; turn < TURNS; turn++) {
    const promptId = `p-${turn}`;
    currentPrompt = promptId;
    const prompt = `Turn ${turn}: please look at src/module-${turn % 50}.ts and fix the failing case.`;
    record({ type: "prompt", prompt_id: promptId, prompt, verdict: "allowed", findings: [] });
    transcript.push(line({ type: "user", promptId, message: { role: "user", content: prompt }, permissionMode: "default" }));
    clock += 2000;
    const a = `toolu_${turn}_a`;
    const b = `toolu_${turn}_b`;
    transcript.push(
      ...response([
        { type: "thinking", thinking: "Let me read the module and run its test. ".repeat(8), signature: "sig" },
        { type: "text", text: `Reading module ${turn % 50} and running its test.` },
        { type: "tool_use", id: a, name: "Read", input: { file_path: `${project}/src/module-${turn % 50}.ts` } },
        { type: "tool_use", id: b, name: "Bash", input: { command: `npm test -- module-${turn % 50}` } },
      ]),
    );
    event(a, "Read", { file_path: `${project}/src/module-${turn % 50}.ts` }, clock, 40);
    event(b, "Bash", { command: `npm test -- module-${turn % 50}` }, clock + 10, 3000);
    events += 2;
    clock += 3100;
    transcript.push(result(a, "export const x = 1;\n".repeat(30)), result(b, "1 passed\n"));
    if (turn % 10 === 0) {
      const agentId = `agent${String(turn).padStart(10, "0")}`;
      const inner = `toolu_${turn}_g`;
      const lines = [
        line({ type: "user", message: { role: "user", content: "Find the callers." } }, agentId),
        ...response([{ type: "tool_use", id: inner, name: "Grep", input: { pattern: "x" } }], agentId),
        result(inner, "src/a.ts\nsrc/b.ts", agentId),
        ...response([{ type: "text", text: "Two callers: src/a.ts and src/b.ts." }], agentId),
      ];
      agents.set(agentId, lines);
      event(inner, "Grep", { pattern: "x" }, clock, 30, agentId);
      events++;
      clock += 1000;
    }
    transcript.push(...response([{ type: "text", text: `Fixed module ${turn % 50}: the case passes now. `.repeat(4) }]));
    record({ type: "stop", last_assistant_message: "Fixed.", stop_hook_active: false });
    clock += 30_000 + (turn % 7 === 0 ? 600_000 : 0);
  }
  record({ type: "end", reason: "other", ended_at: at(), finalized_by: "session_end", unfinished_calls: 0, report_paths: [] });
  return { records, transcript, agents, events };
}

function median(values) {
  const sorted = values.toSorted((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function mib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
