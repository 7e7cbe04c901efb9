#!/usr/bin/env node
// `node scripts/generate-history.mjs --out DIR --transcripts N [--seed S]`: writes a Claude config
// dir as a year of Claude Code use leaves it: DIR/projects/<slug>/<session>.jsonl for N sessions in
// about 30 projects, some with <session>/subagents/agent-<id>.jsonl (+ .meta.json), lines shaped as
// Claude Code 2.1.197 writes them (see /work/shared/claude-code-hooks.md section 4 and
// packages/core/src/report/transcript/claude-transcript.fixture.ts). Deterministic for a seed: the
// same arguments write the same bytes and the same mtimes. DIR/generated.json says what was written
// and the expected de-duplicated usage (each API response once), per model and per UTC day.
//
// What a reader has to cope with, and how often (per session unless said):
// - one assistant line per content block, each repeating the usage, output_tokens growing;
// - tool results with toolUseResult payloads of real sizes (file reads of KBs, some large Bash output);
// - cache writes at the 5-minute or the 1-hour rate; compaction; contexts over 200k tokens on a few
//   sonnet sessions (1M context);
// - 6% forks/resumes: a new session file repeating a prefix of an earlier one (same message.id and
//   requestId, original timestamps, the new sessionId);
// - 3% without requestId (a proxy); 5% of opus 4.6+ sessions in fast mode (usage.speed "fast");
// - 2% with a `<synthetic>` API-error line; 1% with a line cut short by a crash, 0.5% ending in a
//   half-written line; 1% marathons of 10-30 MB.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export const GENERATOR_VERSION = 1;

const YEAR_START = Date.parse("2025-12-01T00:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const CLAUDE_CODE_VERSION = "2.1.197";

/** Models by era (a share of the year), as the price table names them, dated ids included. */
const ERAS = [
  {
    until: 0.25,
    opus: ["claude-opus-4-5-20251101", "claude-opus-4-5-20251101", "claude-opus-4-1-20250805"],
    sonnet: ["claude-sonnet-4-5-20250929"],
  },
  { until: 0.55, opus: ["claude-opus-4-6", "claude-opus-4-5-20251101"], sonnet: ["claude-sonnet-4-5-20250929", "claude-sonnet-4-6"] },
  { until: 0.8, opus: ["claude-opus-4-7", "claude-opus-4-6"], sonnet: ["claude-sonnet-4-6"] },
  { until: 1.01, opus: ["claude-opus-4-8", "claude-opus-4-7"], sonnet: ["claude-sonnet-4-6", "claude-sonnet-5"] },
];
const HAIKU = "claude-haiku-4-5-20251001";
const FAST_MODELS = /claude-opus-4-[678]/;

const PROJECT_PATHS = [
  "/home/dev/app",
  "/home/dev/api",
  "/home/dev/work/billing-service",
  "/home/dev/work/api.v2",
  "/home/dev/my_app",
  "/home/dev/src/github.com/acme/web",
  "/home/dev/src/github.com/acme/infra",
  "/home/dev/src/github.com/acme/mobile",
  "/home/dev/notes",
  "/home/dev/dotfiles",
  "/home/dev/oss/parser",
  "/home/dev/oss/lsp-server",
  "/home/dev/work/data-pipeline",
  "/home/dev/work/ml/training",
  "/home/dev/work/ml/eval",
  "/home/dev/scratch",
  "/home/dev/blog",
  "/home/dev/work/auth",
  "/home/dev/work/frontend",
  "/home/dev/work/design-system",
  "/home/dev/work/cli",
  "/home/dev/work/docs",
  "/home/dev/games/roguelike",
  "/home/dev/clients/alpha",
  "/home/dev/clients/beta",
  "/home/dev/work/monorepo/packages/core",
  "/home/dev/work/monorepo",
  "/home/dev/experiments/rust-wasm",
  "/home/dev/experiments/go-proxy",
  "/tmp/claude-sandbox",
];

const PROMPTS = [
  "Fix the failing test in {file} and keep the others green.",
  "Add pagination to the list endpoint; follow the existing cursor style.",
  "Why does the build fail on CI but not locally? Look at the logs in {file}.",
  "Refactor {file} so the parsing and the validation are separate functions.",
  "Write tests for the retry logic in {file}.",
  "Review the diff of this branch and point out anything risky.",
  "Rename `fetchUser` to `loadUser` everywhere and update the docs.",
  "The date picker shows the wrong day in Tokyo; find out why.",
  "Upgrade the dependency and fix whatever breaks.",
  "Explain how the cache invalidation in {file} works.",
  "Add a --json flag to the export command.",
  "Profile the import job; it got slow after last week's change.",
];

/** A small, fast, seedable generator (sfc32 seeded through cyrb128): the same seed, the same stream. */
function random(seed) {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  let [a, b, c, d] = [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const HEX = "0123456789abcdef";
  const hex = (n) => {
    let out = "";
    for (let i = 0; i < n; i++) out += HEX[Math.floor(next() * 16)];
    return out;
  };
  const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
    base62: (n) => {
      let out = "";
      for (let i = 0; i < n; i++) out += ALNUM[Math.floor(next() * ALNUM.length)];
      return out;
    },
    /** Log-normal with the given median. */
    logNormal: (median, sigma) => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    },
  };
}

/** Code-like text with quotes, backslashes, tabs and non-ASCII, so payloads escape as real ones do. */
function sourcePool(rng) {
  const words = ["value", "input", "config", "result", "handler", "request", "cache", "user", "token", "index", "stream", "buffer"];
  const lines = [];
  let length = 0;
  for (let i = 0; length < 1_200_000; i++) {
    const w = rng.pick(words);
    const line =
      i % 23 === 0
        ? `// ${i}: handles the "edge" case — naïve \\ path C:\\\\tmp\\\\${w} (ß, é, 日本)`
        : i % 7 === 0
          ? `\tif (${w} === "${i}") return { ok: true, id: '${i}', ${w}: ${w}${i % 13} };`
          : i % 11 === 0
            ? `  ${w}s.forEach((${w}) => log(\`${w}=\${${w}.id}\`));`
            : `export const ${w}${i} = compute(${w}[${i % 97}], "${"abc".repeat(i % 7)}", ${(i * 7919) % 1000});`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n");
}

/** Plans every session (when, where, which model, what happens) before writing any, in time order. */
function planSessions(count, seed) {
  const rng = random(`${seed}:plan`);
  const projectCount = Math.min(PROJECT_PATHS.length, Math.max(1, Math.ceil(count / 4)));
  // A few projects get most of the work (Zipf-like weights).
  const weights = Array.from({ length: projectCount }, (_, i) => 1 / (i + 1) ** 0.9);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const pickProject = () => {
    let r = rng.next() * weightSum;
    for (let i = 0; i < projectCount; i++) {
      r -= weights[i];
      if (r <= 0) return i;
    }
    return projectCount - 1;
  };
  const plans = [];
  for (let index = 0; index < count; index++) {
    let day = rng.int(0, 364);
    // Fewer sessions at weekends.
    if ([0, 6].includes(new Date(YEAR_START + day * DAY_MS).getUTCDay()) && rng.chance(0.6)) day = rng.int(0, 364);
    // Working hours of someone in Europe (UTC 07-19), evenings now and then (some cross UTC midnight).
    const hour = rng.chance(0.85) ? rng.int(7, 18) : rng.int(19, 23);
    const start = YEAR_START + day * DAY_MS + hour * 3_600_000 + rng.int(0, 3_599_999);
    const era = ERAS.find((e) => day / 365 < e.until);
    const family = rng.next();
    const model = family < 0.6 ? rng.pick(era.opus) : family < 0.95 ? rng.pick(era.sonnet) : HAIKU;
    const marathon = rng.chance(0.01);
    const targetBytes = marathon
      ? rng.int(10, 30) * 1024 * 1024
      : Math.round(Math.min(8 * 1024 * 1024, Math.max(8 * 1024, rng.logNormal(260 * 1024, 1.0))));
    plans.push({
      index,
      project: pickProject(),
      start,
      model,
      targetBytes,
      interactive: rng.chance(0.7),
      cache1h: rng.chance(0.5),
      fast: FAST_MODELS.test(model) && rng.chance(0.05),
      noRequestId: rng.chance(0.03),
      fork: rng.chance(0.06),
      synthetic: rng.chance(0.02),
      cutLine: rng.chance(0.01),
      halfWrittenTail: rng.chance(0.005),
      longContext: model.includes("sonnet") && (marathon || rng.chance(0.1)),
      subagents: rng.chance(0.25) ? rng.int(1, 3) : 0,
    });
  }
  return plans.toSorted((a, b) => a.start - b.start || a.index - b.index);
}

/** Buffered line writer for one file; tracks bytes and the last timestamp written (the file's mtime). */
function openWriter(file, totals) {
  const fd = fs.openSync(file, "w");
  let pending = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length === 0) return;
    fs.writeSync(fd, pending.join(""));
    pending = [];
    pendingLength = 0;
  };
  const writer = {
    bytes: 0,
    lastAt: 0,
    raw(text) {
      pending.push(text);
      pendingLength += text.length;
      const bytes = Buffer.byteLength(text);
      writer.bytes += bytes;
      totals.bytes += bytes;
      if (pendingLength > 4 << 20) flush();
    },
    line(value) {
      totals.lines++;
      writer.raw(`${JSON.stringify(value)}\n`);
      if (typeof value.timestamp === "string") writer.lastAt = Math.max(writer.lastAt, Date.parse(value.timestamp));
    },
    close() {
      flush();
      fs.closeSync(fd);
      if (writer.lastAt > 0) fs.utimesSync(file, writer.lastAt / 1000, writer.lastAt / 1000);
    },
  };
  return writer;
}

/**
 * One session's writing: the conversation state (clock, context size, chain of uuids) and the
 * helpers that write each kind of line as Claude Code 2.1.197 does.
 */
function sessionWriter({ rng, out, plan, sessionId, cwd, agentId, model, pool, expected }) {
  const state = { at: 0, context: 0, parent: null, cacheWritten: false };
  const envelope = {
    userType: "external",
    entrypoint: plan.interactive ? "cli" : "sdk-cli",
    cwd,
    sessionId,
    version: CLAUDE_CODE_VERSION,
    gitBranch: rng.pick(["main", "main", "feature/pagination", "fix/tz"]),
  };
  const head = () => ({ parentUuid: state.parent, isSidechain: agentId != null, ...(agentId != null && { agentId }) });
  const stamp = (advanceMs) => {
    state.at += advanceMs;
    return new Date(state.at).toISOString();
  };
  const chain = (line) => {
    state.parent = line.uuid;
    out.line(line);
  };
  const slice = (length) => {
    const start = rng.int(0, pool.length - length - 1);
    return pool.slice(start, start + length);
  };
  const compactAt = plan.longContext && agentId == null ? 520_000 : 165_000;

  const w = {
    state,
    prompt(text, extra = {}) {
      chain({
        ...head(),
        promptId: rng.uuid(),
        type: "user",
        message: { role: "user", content: text },
        ...extra,
        uuid: rng.uuid(),
        timestamp: stamp(rng.int(1_000, 900_000)),
        ...(agentId == null && { permissionMode: "default", promptSource: plan.interactive ? "user" : "sdk" }),
        ...envelope,
      });
    },
    attachment(attachment) {
      chain({ ...head(), attachment, type: "attachment", uuid: rng.uuid(), timestamp: stamp(rng.int(5, 50)), ...envelope });
    },
    meta(line) {
      out.line(line);
    },
    /** One API response: a line per content block, each repeating the usage with output_tokens growing. */
    response(blocks, { toolUse }) {
      const id = `msg_01${rng.base62(22)}`;
      const requestId = plan.noRequestId ? undefined : `req_011C${rng.base62(20)}`;
      const outputChars = blocks.reduce((n, b) => n + JSON.stringify(b).length, 0);
      const output = Math.max(12, Math.round(outputChars / 3.6) + rng.int(0, 60));
      let write = 0;
      let read = state.context;
      if (!state.cacheWritten) {
        // The system prompt and tools: written once, then read.
        write = rng.int(14_000, 26_000);
        read = rng.chance(0.5) ? rng.int(0, 14_000) : 0;
        state.cacheWritten = true;
      } else {
        write = state.pending;
      }
      state.context = read + write;
      state.pending = output;
      const oneHour = plan.cache1h && agentId == null;
      const input = rng.int(1, 12);
      const fast = plan.fast && FAST_MODELS.test(model);
      const usageOf = (shown) => ({
        input_tokens: input,
        cache_creation_input_tokens: write,
        cache_read_input_tokens: read,
        output_tokens: shown,
        server_tool_use: { web_search_requests: 0, web_fetch_requests: 0 },
        service_tier: "standard",
        cache_creation: { ephemeral_1h_input_tokens: oneHour ? write : 0, ephemeral_5m_input_tokens: oneHour ? 0 : write },
        inference_geo: "",
        iterations: [],
        speed: fast ? "fast" : "standard",
      });
      const firstAt = state.at + rng.int(2_000, 25_000);
      state.at = firstAt;
      blocks.forEach((block, index) => {
        const last = index === blocks.length - 1;
        const shown = last ? output : Math.ceil((output * (index + 1)) / (blocks.length + 1));
        const usage = usageOf(shown);
        chain({
          ...head(),
          message: {
            id,
            type: "message",
            role: "assistant",
            model,
            content: [block],
            stop_reason: last ? (toolUse ? "tool_use" : "end_turn") : null,
            stop_sequence: null,
            usage,
            stop_details: null,
          },
          ...(requestId != null && { requestId }),
          type: "assistant",
          uuid: rng.uuid(),
          timestamp: stamp(index === 0 ? 0 : rng.int(200, 3_000)),
          ...envelope,
        });
      });
      expected.add(model, fast, firstAt, {
        input_tokens: input,
        output_tokens: output,
        cache_write_5m_tokens: oneHour ? 0 : write,
        cache_write_1h_tokens: oneHour ? write : 0,
        cache_read_tokens: read,
      });
      return state.parent;
    },
    toolResult(call, assistantUuid, { cut = false } = {}) {
      // An Agent call returns when its subagent has finished.
      if (call.endAt != null) state.at = Math.max(state.at, call.endAt);
      const line = {
        ...head(),
        promptId: rng.uuid(),
        type: "user",
        message: {
          role: "user",
          content: [{ tool_use_id: call.id, type: "tool_result", content: call.resultText, is_error: call.isError === true }],
        },
        uuid: rng.uuid(),
        timestamp: stamp(rng.int(80, call.name === "Bash" ? 60_000 : 2_000)),
        toolUseResult: call.toolUseResult,
        sourceToolAssistantUUID: assistantUuid,
        ...envelope,
      };
      state.pending += Math.round(call.resultText.length / 3.5);
      if (cut) {
        // A crash mid-write: the line stops short and the next line starts after a newline.
        const text = JSON.stringify(line);
        out.raw(`${text.slice(0, Math.floor(text.length / 2))}\n`);
        expected.cutLines++;
        return;
      }
      chain(line);
    },
    /** Compacts when the context is full: a boundary, then the summary as a user line. */
    compactIfFull() {
      if (state.context < compactAt) return;
      const boundary = rng.uuid();
      out.line({
        parentUuid: null,
        logicalParentUuid: state.parent,
        isSidechain: agentId != null,
        type: "system",
        subtype: "compact_boundary",
        content: "Conversation compacted",
        isMeta: false,
        timestamp: stamp(rng.int(20_000, 60_000)),
        uuid: boundary,
        level: "info",
        compactMetadata: { trigger: "auto", preTokens: state.context },
        ...envelope,
      });
      state.parent = boundary;
      chain({
        ...head(),
        type: "user",
        message: { role: "user", content: `This session is being continued from a previous conversation. Summary:\n${slice(6_000)}` },
        isVisibleInTranscriptOnly: true,
        isCompactSummary: true,
        uuid: rng.uuid(),
        timestamp: stamp(50),
        ...envelope,
      });
      state.context = 0;
      state.cacheWritten = false;
    },
    slice,
  };
  return w;
}

/** The tool calls of one response and what each returns, at the sizes real tools return. */
function toolCalls(rng, cwd, slice) {
  const id = () => `toolu_01${rng.base62(22)}`;
  const file = () => `${cwd}/src/${rng.pick(["index", "parser", "cache", "routes", "models", "util", "config"])}${rng.int(1, 40)}.ts`;
  const read = () => {
    const content = slice(Math.round(Math.min(120_000, rng.logNormal(9_000, 0.9))));
    const lines = content.split("\n");
    const filePath = file();
    return {
      id: id(),
      name: "Read",
      input: { file_path: filePath },
      resultText: lines.map((line, i) => `${String(i + 1).padStart(6)}\u2192${line}`).join("\n"),
      toolUseResult: { type: "text", file: { filePath, content, numLines: lines.length, startLine: 1, totalLines: lines.length } },
    };
  };
  const bash = () => {
    // Mostly short output; now and then a whole test run or build log.
    const stdout = slice(rng.chance(0.08) ? rng.int(40_000, 200_000) : Math.round(Math.min(30_000, rng.logNormal(900, 1.2))));
    const command = rng.pick(["npm test -- --run", "git status", "pnpm build", "ls -la src", "git log --oneline -20", "rg -n TODO"]);
    return {
      id: id(),
      name: "Bash",
      input: { command, description: "Run it" },
      resultText: stdout,
      toolUseResult: { stdout, stderr: "", interrupted: false, isImage: false, noOutputExpected: false },
    };
  };
  const edit = () => {
    const filePath = file();
    const original = slice(rng.int(2_000, 20_000));
    const oldString = original.slice(0, rng.int(40, 600));
    const newString = `${oldString.slice(0, oldString.length >> 1)}/* changed */${oldString.slice(oldString.length >> 1)}`;
    const patch = oldString.split("\n").map((line) => `-${line}`);
    return {
      id: id(),
      name: "Edit",
      input: { file_path: filePath, old_string: oldString, new_string: newString, replace_all: false },
      resultText: `The file ${filePath} has been updated. Here's the result of running \`cat -n\` on a snippet of the edited file:\n${newString}`,
      toolUseResult: {
        filePath,
        oldString,
        newString,
        // Claude Code drops the original text when it is over 10,000 characters.
        originalFile: original.length > 10_000 ? null : original,
        structuredPatch: [{ oldStart: 1, oldLines: patch.length, newStart: 1, newLines: patch.length, lines: patch }],
        userModified: false,
        replaceAll: false,
      },
    };
  };
  const grep = () => {
    const filenames = Array.from({ length: rng.int(1, 30) }, file);
    return {
      id: id(),
      name: "Grep",
      input: { pattern: rng.pick(["TODO", "fetchUser", "cache\\.get", "export function"]), output_mode: "files_with_matches" },
      resultText: `Found ${filenames.length} files\n${filenames.join("\n")}`,
      toolUseResult: { mode: "files_with_matches", filenames, numFiles: filenames.length },
    };
  };
  const write = () => {
    const filePath = file();
    const content = slice(rng.int(500, 8_000));
    return {
      id: id(),
      name: "Write",
      input: { file_path: filePath, content },
      resultText: `File created successfully at: ${filePath}`,
      toolUseResult: { type: "create", filePath, content, structuredPatch: [], originalFile: null },
    };
  };
  const kinds = [read, read, read, bash, bash, edit, edit, grep, write];
  const count = rng.chance(0.7) ? 1 : rng.int(2, 4);
  return Array.from({ length: count }, () => rng.pick(kinds)());
}

/** Blocks of one assistant response: maybe thinking, maybe text, then the tool calls. */
function responseBlocks(rng, slice, calls) {
  const blocks = [];
  if (rng.chance(0.6)) blocks.push({ type: "thinking", thinking: slice(rng.int(100, 2_500)), signature: rng.base62(rng.int(200, 600)) });
  if (calls.length === 0 || rng.chance(0.5)) blocks.push({ type: "text", text: slice(rng.int(40, calls.length === 0 ? 2_000 : 300)) });
  for (const call of calls) blocks.push({ type: "tool_use", id: call.id, name: call.name, input: call.input });
  return blocks;
}

/** Writes the turns of a conversation until the file holds `targetBytes`. */
function writeConversation({ rng, w, out, plan, targetBytes, cwd, isMain, onAgentCall }) {
  let cutDone = !plan.cutLine || !isMain;
  let syntheticDone = !plan.synthetic || !isMain;
  let turn = 0;
  while (out.bytes < targetBytes) {
    if (isMain) {
      const prompt = rng.pick(PROMPTS).replace("{file}", `src/${rng.pick(["parser", "cache", "routes"])}.ts`);
      w.prompt(plan.interactive || turn > 0 ? prompt : `${prompt}\n\n${w.slice(rng.int(50, 600))}`);
      if (turn === 0) {
        w.attachment({ type: "agent_listing_delta", added: ["general-purpose", "Explore", "Plan"], removed: [] });
        w.attachment({ type: "skill_listing", content: w.slice(rng.int(800, 3_000)) });
      }
      if (plan.interactive) {
        w.meta({
          type: "file-history-snapshot",
          messageId: rng.uuid(),
          snapshot: { messageId: rng.uuid(), trackedFileBackups: {}, timestamp: new Date(w.state.at).toISOString() },
          isSnapshotUpdate: false,
        });
      }
    }
    // A prompt's work: several responses with tool calls, then an answer in text.
    // A print-mode (-p) session is one prompt worked on until done.
    const steps = !isMain ? rng.int(1, 20) : plan.interactive ? rng.int(1, 14) : 400;
    for (let step = 0; step < steps && out.bytes < targetBytes; step++) {
      const calls = toolCalls(rng, cwd, w.slice);
      const agentCall = isMain && onAgentCall != null ? onAgentCall(step) : null;
      if (agentCall != null) calls.push(agentCall);
      const assistant = w.response(responseBlocks(rng, w.slice, calls), { toolUse: true });
      for (const call of calls) {
        const cut = !cutDone && rng.chance(0.2);
        if (cut) cutDone = true;
        w.toolResult(call, assistant, { cut });
      }
      w.compactIfFull();
    }
    if (!syntheticDone && rng.chance(0.3)) {
      syntheticDone = true;
      w.syntheticError();
    }
    w.response([{ type: "text", text: w.slice(rng.int(80, 2_500)) }], { toolUse: false });
    w.compactIfFull();
    turn++;
    if (!plan.interactive && isMain) break;
  }
}

function addSyntheticError(w, rng, out, head) {
  w.syntheticError = () => {
    const line = {
      ...head(),
      message: {
        id: rng.uuid(),
        container: null,
        model: "<synthetic>",
        role: "assistant",
        stop_reason: "stop_sequence",
        stop_sequence: "",
        type: "message",
        usage: {
          input_tokens: 0,
          output_tokens: 0,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          server_tool_use: { web_search_requests: 0, web_fetch_requests: 0 },
          service_tier: null,
          cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
        },
        content: [{ type: "text", text: "API Error: 529 Overloaded. This is a server-side issue, usually temporary." }],
        context_management: null,
      },
      type: "assistant",
      uuid: rng.uuid(),
      timestamp: new Date((w.state.at += 30_000)).toISOString(),
      isApiErrorMessage: true,
      ...head.envelope,
    };
    w.state.parent = line.uuid;
    out.line(line);
  };
}

/** Copies an earlier session's lines into a new session file, as a fork or resume does. */
function copyForkedPrefix(rng, parentFile, sessionId, out) {
  const lines = fs.readFileSync(parentFile, "utf8").split("\n");
  const upTo = Math.max(1, Math.floor(lines.length * (0.3 + 0.6 * rng.next())));
  let copied = 0;
  let lastUuid = null;
  for (const text of lines.slice(0, upTo)) {
    let line;
    try {
      line = JSON.parse(text);
    } catch {
      continue; // Claude Code copies what it could parse.
    }
    if (line.type === "queue-operation" || line.type === "last-prompt") continue;
    if ("sessionId" in line) line.sessionId = sessionId;
    if (line.type === "assistant") copied++;
    if (typeof line.uuid === "string") lastUuid = line.uuid;
    out.line(line);
  }
  return { copiedAssistantLines: copied, lastUuid };
}

/** Token counts of responses, as warden reports them. */
const zero = () => ({
  responses: 0,
  input_tokens: 0,
  output_tokens: 0,
  cache_write_5m_tokens: 0,
  cache_write_1h_tokens: 0,
  cache_read_tokens: 0,
});
const sum = (into, counts) => {
  into.responses++;
  for (const [k, v] of Object.entries(counts)) into[k] += v;
};

function expectedUsage() {
  const expected = {
    by_model: {},
    by_day_utc: {},
    total: zero(),
    cutLines: 0,
    add(model, fast, at, counts) {
      const key = fast ? `${model} (fast)` : model;
      sum((expected.by_model[key] ??= zero()), counts);
      const day = new Date(at).toISOString().slice(0, 10);
      sum((expected.by_day_utc[day] ??= zero()), counts);
      sum(expected.total, counts);
    },
  };
  return expected;
}

/** Writes the history; returns its manifest (also written to DIR/generated.json). */
export function generateHistory({ out: dir, transcripts, seed = "warden" }) {
  const started = performance.now();
  const projectsDir = path.join(dir, "projects");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(projectsDir, { recursive: true });
  const pool = sourcePool(random(`${seed}:pool`));
  const plans = planSessions(transcripts, seed);
  const totals = { files: 0, bytes: 0, lines: 0 };
  const expected = expectedUsage();
  const counts = { sessions: 0, forks: 0, subagent_files: 0, marathons: 0, synthetic: 0, no_request_id: 0, fast: 0, long_context: 0 };
  const ended = new Map(); // project -> [{ file, end }] sessions written so far
  for (const plan of plans) {
    const rng = random(`${seed}:session:${plan.index}`);
    const cwd = PROJECT_PATHS[plan.project];
    const slug = cwd.replace(/[^a-zA-Z0-9]/g, "-");
    const folder = path.join(projectsDir, slug);
    fs.mkdirSync(folder, { recursive: true });
    const sessionId = rng.uuid();
    const file = path.join(folder, `${sessionId}.jsonl`);
    const out = openWriter(file, totals);
    totals.files++;
    counts.sessions++;
    const w = sessionWriter({ rng, out, plan, sessionId, cwd, agentId: null, model: plan.model, pool, expected });
    const head = () => ({ parentUuid: w.state.parent, isSidechain: false });
    head.envelope = {
      userType: "external",
      entrypoint: plan.interactive ? "cli" : "sdk-cli",
      cwd,
      sessionId,
      version: CLAUDE_CODE_VERSION,
    };
    addSyntheticError(w, rng, out, head);
    w.state.at = plan.start;
    const earlier = ended.get(plan.project) ?? [];
    if (plan.fork && earlier.length > 0) {
      const parent = earlier[rng.int(Math.max(0, earlier.length - 20), earlier.length - 1)];
      const fork = copyForkedPrefix(rng, parent.file, sessionId, out);
      w.state.parent = fork.lastUuid;
      w.state.at = Math.max(plan.start, parent.end + rng.int(60_000, 3 * DAY_MS));
      counts.forks++;
    }
    if (!plan.interactive) {
      const at = new Date(w.state.at).toISOString();
      out.line({ type: "queue-operation", operation: "enqueue", timestamp: at, sessionId, content: "go" });
      out.line({ type: "queue-operation", operation: "dequeue", timestamp: at, sessionId });
    }
    // Subagents: the main thread calls the Agent tool; the subagent's turns go to its own file.
    let agentsLeft = plan.subagents;
    const onAgentCall = (step) => {
      if (agentsLeft === 0 || step !== 1) return null;
      agentsLeft--;
      return writeSubagent({ rng, plan, folder, sessionId, cwd, pool, expected, totals, counts, at: w.state.at });
    };
    writeConversation({ rng, w, out, plan, targetBytes: plan.targetBytes, cwd, isMain: true, onAgentCall });
    out.line({ type: "last-prompt", lastPrompt: "…", leafUuid: w.state.parent, sessionId });
    if (plan.halfWrittenTail)
      out.raw(
        `{"parentUuid":"${w.state.parent}","isSidechain":false,"type":"user","message":{"role":"user","content":[{"tool_use_id":"toolu_01`,
      );
    out.close();
    earlier.push({ file, end: w.state.at });
    ended.set(plan.project, earlier);
    if (plan.targetBytes >= 10 * 1024 * 1024) counts.marathons++;
    if (plan.synthetic) counts.synthetic++;
    if (plan.noRequestId) counts.no_request_id++;
    if (plan.fast) counts.fast++;
    if (plan.longContext) counts.long_context++;
  }
  const { cutLines, by_model, by_day_utc, total } = expected;
  const manifest = {
    generator_version: GENERATOR_VERSION,
    seed,
    transcripts,
    projects: ended.size,
    files: totals.files,
    bytes: totals.bytes,
    lines: totals.lines,
    counts: { ...counts, cut_lines: cutLines },
    expected: { total, by_model, by_day_utc },
    generated_in_ms: Math.round(performance.now() - started),
  };
  fs.writeFileSync(path.join(dir, "generated.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function writeSubagent({ rng, plan, folder, sessionId, cwd, pool, expected, totals, counts, at }) {
  const agentId = `a${rng.hex(16)}`;
  const agentType = rng.pick(["Explore", "Explore", "general-purpose", "Plan"]);
  const model = agentType === "Explore" ? HAIKU : plan.model;
  const dir = path.join(folder, sessionId, "subagents");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `agent-${agentId}.meta.json`), JSON.stringify({ agentType, description: "Look around", spawnDepth: 1 }));
  const file = path.join(dir, `agent-${agentId}.jsonl`);
  const out = openWriter(file, totals);
  totals.files++;
  counts.subagent_files++;
  const w = sessionWriter({ rng, out, plan: { ...plan, fast: false }, sessionId, cwd, agentId, model, pool, expected });
  w.state.at = at;
  const task = "Find every caller of parseConfig and report their files with a one-line summary each.";
  w.prompt(task);
  writeConversation({ rng, w, out, plan, targetBytes: Math.round(rng.logNormal(120 * 1024, 0.8)), cwd, isMain: false });
  const text = w.slice(rng.int(300, 3_000));
  out.close();
  return {
    endAt: w.state.at,
    id: `toolu_01${rng.base62(22)}`,
    name: "Agent",
    input: { description: "Find callers", prompt: task, subagent_type: agentType },
    resultText: text,
    toolUseResult: {
      status: "completed",
      prompt: task,
      agentId,
      content: [{ type: "text", text }],
      totalDurationMs: Math.max(1_000, w.state.at - at),
      totalTokens: w.state.context,
      totalToolUseCount: rng.int(3, 40),
      usage: { input_tokens: 4, output_tokens: 300, cache_creation_input_tokens: 0, cache_read_input_tokens: w.state.context },
    },
  };
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? "")).href) {
  const { values } = parseArgs({
    options: { out: { type: "string" }, transcripts: { type: "string" }, seed: { type: "string", default: "warden" } },
  });
  if (values.out == null || values.transcripts == null || !(Number(values.transcripts) > 0)) {
    console.error("usage: node scripts/generate-history.mjs --out DIR --transcripts N [--seed S]");
    process.exit(2);
  }
  const manifest = generateHistory({ out: path.resolve(values.out), transcripts: Number(values.transcripts), seed: values.seed });
  const { counts } = manifest;
  console.log(
    `wrote ${manifest.files} files (${counts.sessions} sessions, ${counts.subagent_files} subagent files) in ${manifest.projects} projects, ` +
      `${(manifest.bytes / 1024 / 1024).toFixed(1)} MiB, ${manifest.lines} lines, in ${(manifest.generated_in_ms / 1000).toFixed(1)} s; ` +
      `${counts.forks} forks, ${counts.marathons} marathons, ${counts.no_request_id} without requestId, ${counts.fast} fast, ` +
      `${counts.synthetic} synthetic, ${counts.cut_lines} cut lines, ${counts.long_context} long-context; ` +
      `${manifest.expected.total.responses} responses`,
  );
}
