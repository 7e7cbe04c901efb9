#!/usr/bin/env node
// `node scripts/bench-transcript.mjs [megabytes]`: read time and peak memory of the transcript
// reader on a generated session of about 200 MB, shaped as Claude Code 2.1.197 writes it (split
// assistant lines repeating their usage, tool results with large toolUseResult payloads, subagent
// files). The reader runs in a child process that reports its own maxRSS. Figures, not assertions.
// Uses the built core: `cd packages/core && npx tsc -p tsconfig.build.json` first.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reader = path.join(root, "packages/core/dist/report/transcript/index.js");
const targetBytes = Number(process.argv[2] ?? 200) * 1024 * 1024;
const TARGET_MS = 2000;
const TARGET_MB = 150;

if (!fs.existsSync(reader)) {
  console.error(`bench-transcript: ${reader} is missing; build core first (cd packages/core && npx tsc -p tsconfig.build.json)`);
  process.exitCode = 1;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-bench-transcript-"));
  try {
    const started = performance.now();
    const session = generateSession(dir, targetBytes);
    console.log(
      `generated ${mb(session.bytes)} MB in ${session.files} files (${session.lines} lines, ${session.responses} API responses) in ${ms(performance.now() - started)} ms`,
    );
    for (const run of ["cold process, first read", "second process, same files"]) report(run, readInChild(session), session);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(run, result, session) {
  const { expected } = session;
  const correct = result.responses === expected.responses && result.input === expected.input && result.output === expected.output;
  console.log(
    `${run}: read ${ms(result.readMs)} ms (target < ${TARGET_MS}), peak RSS ${mb(result.maxRssBytes)} MB (target < ${TARGET_MB}), ` +
      `resume with nothing new ${ms(result.resumeMs)} ms; totals ${correct ? "match" : `DIFFER: ${JSON.stringify({ expected, got: result })}`} ` +
      `(${result.responses} responses, ${result.tokens} tokens, ${result.lines} lines, ${result.traceEntries} trace entries, ${result.subagents} subagents)`,
  );
}

function readInChild(session) {
  const code = `
    const { readTranscript } = await import(${JSON.stringify(pathToFileURL(reader).href)});
    const started = performance.now();
    const reading = await readTranscript(${JSON.stringify(session.transcriptPath)});
    const readMs = performance.now() - started;
    const resumeStarted = performance.now();
    await readTranscript(${JSON.stringify(session.transcriptPath)}, { resume: reading.state });
    const resumeMs = performance.now() - resumeStarted;
    const t = reading.usage.total;
    console.log(JSON.stringify({
      readMs, resumeMs, maxRssBytes: process.resourceUsage().maxRSS * 1024,
      responses: t.responses, input: t.input_tokens, output: t.output_tokens,
      tokens: t.input_tokens + t.output_tokens + t.cache_write_5m_tokens + t.cache_write_1h_tokens + t.cache_read_tokens,
      lines: reading.lines.read, traceEntries: reading.trace.length, subagents: reading.subagents.length,
    }));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`bench-transcript: the reader process failed (exit ${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout);
}

// ---- generation ------------------------------------------------------------------------------

/** Writes a main transcript and subagent files totalling about `targetBytes`; returns what a reader must find. */
function generateSession(dir, targetBytes) {
  const sessionId = "b3nch000-0000-4000-8000-00000000beef";
  const projectDir = path.join(dir, ".claude", "projects", "-home-dev-app");
  const subagentDir = path.join(projectDir, sessionId, "subagents");
  fs.mkdirSync(subagentDir, { recursive: true });
  const transcriptPath = path.join(projectDir, `${sessionId}.jsonl`);
  const source = sourcePool();
  const stats = { bytes: 0, lines: 0, files: 1, responses: 0, expected: { responses: 0, input: 0, output: 0 } };
  const main = writer(transcriptPath, stats);
  let turn = 0;
  while (stats.bytes < targetBytes) {
    if (turn % 15 === 0) {
      main.line(
        prompt(
          sessionId,
          null,
          `Please look at module ${turn} and fix what is broken; keep the tests green. ${source.slice(turn % 5000, (turn % 5000) + 300)}`,
        ),
      );
      main.line({
        parentUuid: uuid(),
        isSidechain: false,
        attachment: { type: "skill_listing", content: source.slice(0, 3000) },
        type: "attachment",
        uuid: uuid(),
        timestamp: now(),
        sessionId,
      });
      main.line({
        type: "file-history-snapshot",
        messageId: uuid(),
        snapshot: { messageId: uuid(), trackedFileBackups: { "src/a.ts": { backupFileName: "x@v2", version: 2 } }, timestamp: now() },
        isSnapshotUpdate: false,
      });
    }
    if (turn % 60 === 30) writeSubagent(subagentDir, sessionId, turn, source, stats);
    writeTurn(main, sessionId, null, turn, source, stats);
    turn++;
  }
  main.line({ type: "last-prompt", lastPrompt: "…", leafUuid: uuid(), sessionId });
  main.close();
  return { transcriptPath, ...stats };
}

function writeSubagent(subagentDir, sessionId, turn, source, stats) {
  const agentId = `a${randomBytes(8).toString("hex")}`;
  fs.writeFileSync(
    path.join(subagentDir, `agent-${agentId}.meta.json`),
    JSON.stringify({ agentType: turn % 120 === 30 ? "Explore" : "general-purpose", description: "look", spawnDepth: 1 }),
  );
  const file = writer(path.join(subagentDir, `agent-${agentId}.jsonl`), stats);
  stats.files++;
  file.line(prompt(sessionId, agentId, "Find every caller of parseConfig and report their files."));
  for (let step = 0; step < 25; step++) writeTurn(file, sessionId, agentId, turn * 100 + step, source, stats);
  file.close();
}

/** One API response split into thinking, text and tool_use lines, then the tool results. */
function writeTurn(out, sessionId, agentId, turn, source, stats) {
  const id = `msg_01${randomBytes(11).toString("hex")}`;
  const requestId = `req_01${randomBytes(11).toString("hex")}`;
  const tools = toolCalls(turn, source);
  const blocks = [
    {
      type: "thinking",
      thinking: source.slice(turn % 9000, (turn % 9000) + 400 + (turn % 7) * 200),
      signature: randomBytes(96).toString("base64"),
    },
    { type: "text", text: `Step ${turn}: ${source.slice(turn % 4000, (turn % 4000) + 200)}` },
    ...tools.map((tool) => ({ type: "tool_use", id: tool.id, name: tool.name, input: tool.input })),
  ];
  const input = 3 + (turn % 11);
  const output = 150 + (turn % 400);
  stats.responses++;
  stats.expected.responses++;
  stats.expected.input += input;
  stats.expected.output += output;
  blocks.forEach((block, index) => {
    const last = index === blocks.length - 1;
    const shown = last ? output : Math.ceil((output * (index + 1)) / (blocks.length + 1));
    const usage = {
      input_tokens: input,
      cache_creation_input_tokens: 1200,
      cache_read_input_tokens: 40_000 + turn,
      output_tokens: shown,
      server_tool_use: { web_search_requests: 0, web_fetch_requests: 0 },
      service_tier: "standard",
      cache_creation: { ephemeral_1h_input_tokens: 200, ephemeral_5m_input_tokens: 1000 },
      inference_geo: "",
      iterations: [],
      speed: "standard",
    };
    const message = {
      id,
      type: "message",
      role: "assistant",
      model: agentId ? "claude-haiku-4-5-20251001" : "claude-opus-4-8",
      content: [block],
      stop_reason: last ? "tool_use" : null,
      stop_sequence: null,
      usage,
      stop_details: null,
    };
    out.line({
      parentUuid: uuid(),
      isSidechain: agentId != null,
      ...(agentId && { agentId }),
      message,
      requestId,
      type: "assistant",
      uuid: uuid(),
      timestamp: now(),
      ...envelope(sessionId),
    });
  });
  for (const tool of tools) {
    out.line({
      parentUuid: uuid(),
      isSidechain: agentId != null,
      promptId: uuid(),
      ...(agentId && { agentId }),
      type: "user",
      message: { role: "user", content: [{ tool_use_id: tool.id, type: "tool_result", content: tool.resultText, is_error: false }] },
      uuid: uuid(),
      timestamp: now(),
      toolUseResult: tool.toolUseResult,
      sourceToolAssistantUUID: uuid(),
      ...envelope(sessionId),
    });
  }
}

function toolCalls(turn, source) {
  const id = () => `toolu_01${randomBytes(11).toString("hex")}`;
  const slice = (length) => {
    const start = (turn * 7919) % (source.length - length);
    return source.slice(start, start + length);
  };
  const read = () => {
    const content = slice(8_000 + ((turn * 131) % 60_000));
    const numbered = content
      .split("\n")
      .map((line, i) => `${String(i + 1).padStart(6)}\t${line}`)
      .join("\n");
    return {
      id: id(),
      name: "Read",
      input: { file_path: `/home/dev/app/src/m${turn}.ts` },
      resultText: numbered,
      toolUseResult: {
        type: "text",
        file: { filePath: `/home/dev/app/src/m${turn}.ts`, content, numLines: 400, startLine: 1, totalLines: 400 },
      },
    };
  };
  const bash = () => {
    const stdout = slice(2_000 + ((turn * 37) % 28_000));
    return {
      id: id(),
      name: "Bash",
      input: { command: "npm test -- --run", description: "Run the tests" },
      resultText: stdout,
      toolUseResult: { stdout, stderr: "", interrupted: false, isImage: false, noOutputExpected: false },
    };
  };
  const edit = () => {
    const original = slice(9_000);
    const patch = original
      .split("\n")
      .slice(0, 80)
      .map((line) => ` ${line}`);
    return {
      id: id(),
      name: "Edit",
      input: { file_path: "/home/dev/app/src/a.ts", old_string: original.slice(0, 800), new_string: original.slice(100, 1000) },
      resultText: "The file /home/dev/app/src/a.ts has been updated.",
      toolUseResult: {
        filePath: "/home/dev/app/src/a.ts",
        oldString: original.slice(0, 800),
        newString: original.slice(100, 1000),
        originalFile: original,
        structuredPatch: [{ oldStart: 1, oldLines: 80, newStart: 1, newLines: 80, lines: patch }],
        userModified: false,
        replaceAll: false,
      },
    };
  };
  const special =
    turn % 40 === 7
      ? [
          {
            id: id(),
            name: "Skill",
            input: { skill: "review" },
            resultText: "Launching skill: review",
            toolUseResult: { success: true, commandName: "review" },
          },
        ]
      : turn % 40 === 19
        ? [
            {
              id: id(),
              name: "mcp__github__list_prs",
              input: { repo: "dev/app" },
              resultText: slice(3_000),
              toolUseResult: [{ type: "text", text: slice(3_000) }],
            },
          ]
        : [];
  const calls = [read, bash, edit][turn % 3];
  return turn % 4 === 0 ? [read(), bash(), ...special] : [calls(), ...special];
}

function prompt(sessionId, agentId, text) {
  return {
    parentUuid: null,
    isSidechain: agentId != null,
    promptId: uuid(),
    ...(agentId && { agentId }),
    type: "user",
    message: { role: "user", content: text },
    uuid: uuid(),
    timestamp: now(),
    permissionMode: "default",
    promptSource: "sdk",
    ...envelope(sessionId),
  };
}

function envelope(sessionId) {
  return { userType: "external", entrypoint: "cli", cwd: "/home/dev/app", sessionId, version: "2.1.197", gitBranch: "main" };
}

/** Code-like text with quotes, backslashes, tabs and non-ASCII, so payloads escape as real ones do. */
function sourcePool() {
  const lines = [];
  for (let i = 0; lines.join("\n").length < 400_000; i++) {
    lines.push(
      i % 9 === 0
        ? `// ${i}: handles the "edge" case — naïve \\ path C:\\\\tmp\\\\x`
        : i % 5 === 0
          ? `\tif (value === "${i}") return { ok: true, id: '${i}' };`
          : `export const v${i} = compute(input[${i}], "${"abc".repeat(i % 7)}");`,
    );
  }
  return lines.join("\n");
}

function writer(file, stats) {
  const fd = fs.openSync(file, "w");
  let pending = [];
  let pendingBytes = 0;
  const flush = () => {
    fs.writeSync(fd, pending.join(""));
    pending = [];
    pendingBytes = 0;
  };
  return {
    line(value) {
      const text = `${JSON.stringify(value)}\n`;
      pending.push(text);
      pendingBytes += text.length;
      stats.bytes += Buffer.byteLength(text);
      stats.lines++;
      if (pendingBytes > 4 << 20) flush();
    },
    close() {
      flush();
      fs.closeSync(fd);
    },
  };
}

function uuid() {
  return crypto.randomUUID();
}

function now() {
  return new Date().toISOString();
}

function mb(bytes) {
  return (bytes / 1024 / 1024).toFixed(1);
}

function ms(value) {
  return value.toFixed(0);
}
