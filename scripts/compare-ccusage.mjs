#!/usr/bin/env node
// `node scripts/compare-ccusage.mjs --claude-dir DIR [--ccusage VERSION] [--timezone TZ]`: runs
// ccusage (`npx -y ccusage@VERSION claude daily --json --offline --mode calculate`, not a dependency)
// and `warden cost --all-projects --json` (the built CLI) on the same Claude config dir, and prints
// per-day cost and token differences, then totals per model. When DIR holds a generated.json
// (scripts/generate-history.mjs), the generator's expected counts are printed beside them.
//
// `--claude-code-cost USD` prints Claude Code's own total (the sum of the runs' total_cost_usd) beside.
// `--probes`: instead, writes one tiny config dir per rule where the two may differ (split lines,
// forks, requestId absence, 1-hour cache writes, fast mode, synthetic lines, long context, a day
// boundary) and prints what each tool counts on each, so a difference seen on a real history can be
// put down to its causes. ccusage runs with HOME pointed at an empty folder, so it reads nothing but DIR.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(root, "hooks", "bin", "warden");
/** ccusage 20.0.26 (latest as of 2026-12-04) ships no linux-x64 binary; 20.0.24 is the newest that runs here. */
const FALLBACK_CCUSAGE = "20.0.24";
const TOKEN_FIELDS = [
  ["input", "inputTokens", (t) => t.input_tokens],
  ["output", "outputTokens", (t) => t.output_tokens],
  ["cache write", "cacheCreationTokens", (t) => t.cache_write_5m_tokens + t.cache_write_1h_tokens],
  ["cache read", "cacheReadTokens", (t) => t.cache_read_tokens],
];

const { values } = parseArgs({
  options: {
    "claude-dir": { type: "string" },
    ccusage: { type: "string", default: "latest" },
    timezone: { type: "string", default: "UTC" },
    mode: { type: "string", default: "calculate" },
    probes: { type: "boolean", default: false },
    /** What Claude Code itself reported for the runs that wrote DIR (the sum of their total_cost_usd), printed beside. */
    "claude-code-cost": { type: "string" },
  },
});
const home = fs.mkdtempSync(path.join(os.tmpdir(), "compare-ccusage-home-"));
let ccusageVersion = values.ccusage;
try {
  if (values.probes) runProbes();
  else if (values["claude-dir"] != null) compareDir(path.resolve(values["claude-dir"]));
  else {
    console.error(
      "usage: node scripts/compare-ccusage.mjs --claude-dir DIR [--ccusage VERSION] [--timezone TZ] [--mode calculate|auto] [--claude-code-cost USD] | --probes",
    );
    process.exitCode = 2;
  }
} finally {
  fs.rmSync(home, { recursive: true, force: true });
}

function compareDir(dir) {
  const cc = ccusageDaily(dir);
  const warden = wardenDaily(dir);
  const generated = readGenerated(dir);
  console.log(
    `${dir}: ccusage@${ccusageVersion} claude daily --offline --mode ${values.mode} vs warden cost --all-projects, --timezone ${values.timezone}`,
  );
  const days = [...new Set([...cc.daily.map((d) => d.date), ...warden.periods.map((p) => p.period)])].toSorted();
  const ccByDay = new Map(cc.daily.map((d) => [d.date, d]));
  const wByDay = new Map(warden.periods.map((p) => [p.period, p]));
  const rows = [];
  for (const day of days) {
    const c = ccByDay.get(day);
    const w = wByDay.get(day);
    const diffs = TOKEN_FIELDS.map(([, ccKey, wardenOf]) => (c?.[ccKey] ?? 0) - (w == null ? 0 : wardenOf(w.tokens)));
    const costDiff = (c?.totalCost ?? 0) - (w?.cost_usd ?? 0);
    if (Math.abs(costDiff) < 5e-7 && diffs.every((d) => d === 0)) continue;
    rows.push([day, usd(c?.totalCost), usd(w?.cost_usd), signed(costDiff, 4), ...diffs.map((d) => signed(d, 0))]);
  }
  console.log(`\n${days.length} days; ${rows.length} differ (ccusage minus warden):`);
  printTable(["day", "ccusage $", "warden $", "diff $", ...TOKEN_FIELDS.map(([name]) => `diff ${name}`)], rows.slice(0, 40));
  if (rows.length > 40) console.log(`  … ${rows.length - 40} more`);

  const ccTotals = TOKEN_FIELDS.map(([, ccKey]) => cc.totals[ccKey]);
  const wTotals = TOKEN_FIELDS.map(([, , wardenOf]) => wardenOf(warden.total.tokens));
  console.log("\nTotals:");
  const totalRows = [
    ["ccusage", usd(cc.totals.totalCost), ...ccTotals.map(count)],
    ["warden", usd(warden.total_cost_usd), ...wTotals.map(count)],
    ["ccusage - warden", signed(cc.totals.totalCost - warden.total_cost_usd, 4), ...ccTotals.map((c, i) => signed(c - wTotals[i], 0))],
  ];
  if (values["claude-code-cost"] != null) {
    const own = Number(values["claude-code-cost"]);
    totalRows.push(["Claude Code total_cost_usd", usd(own), "", "", "", ""]);
    totalRows.push(["  ccusage - Claude Code", signed(cc.totals.totalCost - own, 8), "", "", "", ""]);
    totalRows.push(["  warden - Claude Code", signed(warden.total_cost_usd - own, 8), "", "", "", ""]);
  }
  if (generated != null) {
    const e = generated.expected.total;
    totalRows.push([
      "generator expected",
      "",
      ...[e.input_tokens, e.output_tokens, e.cache_write_5m_tokens + e.cache_write_1h_tokens, e.cache_read_tokens].map(count),
    ]);
  }
  printTable(["", "cost $", ...TOKEN_FIELDS.map(([name]) => name)], totalRows);
  if (warden.unpriced_models.length > 0) console.log(`warden names unpriced models: ${warden.unpriced_models.join(", ")}`);

  // Per model: ccusage names fast-mode responses "<model>-fast"; warden keeps them under the model.
  const ccModels = new Map();
  for (const day of cc.daily) {
    for (const m of day.modelBreakdowns ?? []) {
      const into = ccModels.get(m.modelName) ?? { cost: 0, tokens: [0, 0, 0, 0] };
      into.cost += m.cost;
      TOKEN_FIELDS.forEach(([, ccKey], i) => (into.tokens[i] += m[ccKey]));
      ccModels.set(m.modelName, into);
    }
  }
  const modelRows = [];
  const models = new Set([...ccModels.keys(), ...Object.keys(warden.total.models)]);
  for (const model of [...models].toSorted()) {
    const c = ccModels.get(model);
    const w = warden.total.models[model];
    const wTokens = w == null ? [0, 0, 0, 0] : TOKEN_FIELDS.map(([, , wardenOf]) => wardenOf(w));
    modelRows.push([
      model,
      usd(c?.cost),
      w == null ? "" : w.cost_usd == null ? "unpriced" : usd(w.cost_usd),
      ...TOKEN_FIELDS.map((_, i) => signed((c?.tokens[i] ?? 0) - wTokens[i], 0)),
    ]);
  }
  console.log("\nPer model (token columns: ccusage minus warden):");
  printTable(["model", "ccusage $", "warden $", ...TOKEN_FIELDS.map(([name]) => `diff ${name}`)], modelRows);
}

function ccusageDaily(dir) {
  const args = ["claude", "daily", "--json", "--offline", "--mode", values.mode, "--timezone", values.timezone, "--breakdown"];
  const run = (version) =>
    spawnSync("npx", ["-y", `ccusage@${version}`, ...args], {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: home,
        CLAUDE_CONFIG_DIR: dir,
        NO_COLOR: "1",
        npm_config_update_notifier: "false",
      },
      encoding: "utf8",
      maxBuffer: 256 << 20,
    });
  let result = run(ccusageVersion);
  if (result.status !== 0 && /native binary is not available/.test(result.stderr + result.stdout)) {
    console.error(
      `ccusage@${ccusageVersion} has no native binary for ${process.platform}-${process.arch}; using ccusage@${FALLBACK_CCUSAGE}`,
    );
    ccusageVersion = FALLBACK_CCUSAGE;
    result = run(ccusageVersion);
  }
  if (result.status !== 0) throw new Error(`ccusage failed (exit ${result.status}): ${result.stderr.slice(0, 2000)}`);
  const json = JSON.parse(result.stdout);
  return {
    daily: json.daily ?? [],
    totals: json.totals ?? { totalCost: 0, inputTokens: 0, outputTokens: 0, cacheCreationTokens: 0, cacheReadTokens: 0 },
  };
}

function wardenDaily(dir) {
  const result = spawnSync(
    process.execPath,
    [CLI, "cost", "--all-projects", "--claude-dir", dir, "--json", "--timezone", values.timezone],
    {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home },
      encoding: "utf8",
      maxBuffer: 256 << 20,
    },
  );
  if (result.status !== 0) throw new Error(`warden cost failed (exit ${result.status}): ${result.stderr.slice(0, 2000)}`);
  return JSON.parse(result.stdout);
}

function readGenerated(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "generated.json"), "utf8"));
  } catch {
    return null;
  }
}

// ---- probes --------------------------------------------------------------------------------------

/** One rule each: the lines that exercise it, in a config dir of their own. */
function probes() {
  const session = (n) => `0000000${n}-0000-4000-8000-000000000000`.slice(-36);
  const at = (time) => `2026-06-15T${time}Z`;
  const base = { input: 10, output: 100, write5m: 0, write1h: 0, read: 0 };
  // Ids shaped as the API's (ccusage treats msg_01… ids apart from others).
  const msgA = "msg_01XFDUDYJgAACzvnptvVoYEL";
  const msgB = "msg_01Aq9w938a90dw8q9w8e7r6t";
  const reqA = "req_011CSHU5fLBoUjn3dD7hxQQ2";
  const reqB = "req_011CSHU5fLBoUjn3dD7hxQQ3";
  return [
    {
      name: "split response: 3 lines, output 34/67/100",
      why: "one response, one line per content block; output_tokens grows",
      files: {
        [session(1)]: splitLines(session(1), msgA, reqA, "claude-sonnet-4-6", { ...base, write5m: 1000, read: 5000 }, at("10:00:00.000")),
      },
    },
    {
      name: "fork: the response again in a second session",
      why: "a resumed/forked session repeats its parent's lines with the new sessionId",
      files: {
        [session(1)]: splitLines(session(1), msgA, reqA, "claude-sonnet-4-6", { ...base, read: 5000 }, at("10:00:00.000")),
        [session(2)]: splitLines(session(2), msgA, reqA, "claude-sonnet-4-6", { ...base, read: 5000 }, at("10:00:00.000")),
      },
    },
    {
      name: "no requestId: 3 split lines",
      why: "a proxy or provider that sends no request id",
      files: { [session(1)]: splitLines(session(1), msgA, null, "claude-sonnet-4-6", { ...base, read: 5000 }, at("10:00:00.000")) },
    },
    {
      name: "fork without requestId",
      why: "both: a fork of a session whose lines carry no requestId",
      files: {
        [session(1)]: splitLines(session(1), msgA, null, "claude-sonnet-4-6", { ...base, read: 5000 }, at("10:00:00.000")),
        [session(2)]: splitLines(session(2), msgA, null, "claude-sonnet-4-6", { ...base, read: 5000 }, at("10:00:00.000")),
      },
    },
    {
      name: "subagent file",
      why: "a subagent's response, only in <session>/subagents/agent-<id>.jsonl",
      files: {
        [session(1)]: splitLines(session(1), msgA, reqA, "claude-sonnet-4-6", base, at("10:00:00.000"), 1),
        [`${session(1)}/subagents/agent-a0123456789abcdef.jsonl`]: splitLines(
          session(1),
          msgB,
          reqB,
          "claude-haiku-4-5-20251001",
          { ...base, read: 5000 },
          at("10:00:10.000"),
          2,
        ).map((line) => ({ ...line, isSidechain: true, agentId: "a0123456789abcdef" })),
      },
    },
    {
      name: "1-hour cache write of 1,000,000 tokens",
      why: "cache_creation.ephemeral_1h_input_tokens, billed at 2x input (5m: 1.25x)",
      files: {
        [session(1)]: splitLines(session(1), msgA, reqA, "claude-opus-4-6", { ...base, write1h: 1_000_000 }, at("10:00:00.000"), 1),
      },
    },
    {
      name: "fast mode: opus 4.6, usage.speed fast",
      why: "fast mode is billed at 2x on opus 4.6-4.8 (Claude Code's own table)",
      files: {
        [session(1)]: splitLines(
          session(1),
          msgA,
          reqA,
          "claude-opus-4-6",
          { ...base, output: 100_000, read: 100_000 },
          at("10:00:00.000"),
          1,
          "fast",
        ),
      },
    },
    {
      name: "synthetic API-error line",
      why: "Claude Code's own `<synthetic>` line, zero usage",
      files: {
        [session(1)]: [
          ...splitLines(session(1), msgA, reqA, "claude-sonnet-4-6", base, at("10:00:00.000"), 1),
          syntheticLine(session(1), at("10:00:05.000")),
        ],
      },
    },
    {
      name: "long context: 300,000 cache-read tokens in one response, per sonnet",
      why: "ccusage's LiteLLM prices charge tokens above 200k of a request at the long-context rate; Claude Code 2.1.197 does not",
      files: {
        [session(1)]: ["claude-sonnet-4-5-20250929", "claude-sonnet-4-6", "claude-sonnet-5"].flatMap((model, i) =>
          splitLines(
            session(1),
            `${msgA.slice(0, -1)}${i}`,
            `${reqA.slice(0, -1)}${i}`,
            model,
            { ...base, read: 300_000 },
            at(`10:0${i}:00.000`),
            1,
          ),
        ),
      },
    },
    {
      name: "response split across midnight UTC",
      why: "first line 23:59:59.5, last 00:00:01; warden dates a response by its first line",
      files: {
        [session(1)]: splitLines(
          session(1),
          msgA,
          reqA,
          "claude-sonnet-4-6",
          { ...base, read: 5000 },
          "2026-06-15T23:59:59.500Z",
          3,
          "standard",
          ["2026-06-15T23:59:59.500Z", "2026-06-16T00:00:00.400Z", "2026-06-16T00:00:01.000Z"],
        ),
      },
    },
    {
      name: "newer models: opus 4.8, sonnet 5 (reads, 5-minute and 1-hour writes)",
      why: "warden prices from Claude Code 2.1.197's table, ccusage from its LiteLLM snapshot: compare the per-model costs",
      files: {
        [session(1)]: [
          ...splitLines(session(1), msgA, reqA, "claude-opus-4-8", { ...base, read: 100_000 }, at("10:00:00.000"), 1),
          ...splitLines(session(1), msgB, reqB, "claude-sonnet-5", { ...base, read: 100_000 }, at("10:01:00.000"), 1),
          // Cache-write prices: 150,000 at 5 minutes, 70,000 at 1 hour (under 200k each, so no long-context rate).
          ...splitLines(
            session(1),
            `${msgB.slice(0, -1)}x`,
            `${reqB.slice(0, -1)}x`,
            "claude-sonnet-5",
            { input: 0, output: 0, write5m: 150_000, write1h: 0, read: 0 },
            at("10:02:00.000"),
            1,
          ),
          ...splitLines(
            session(1),
            `${msgB.slice(0, -1)}y`,
            `${reqB.slice(0, -1)}y`,
            "claude-sonnet-5",
            { input: 0, output: 0, write5m: 0, write1h: 70_000, read: 0 },
            at("10:03:00.000"),
            1,
          ),
        ],
      },
    },
  ];
}

function runProbes() {
  const rows = [];
  for (const probe of probes()) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compare-ccusage-probe-"));
    try {
      const folder = path.join(dir, "projects", "-home-dev-app");
      fs.mkdirSync(folder, { recursive: true });
      for (const [name, lines] of Object.entries(probe.files)) {
        const file = path.join(folder, name.includes("/") ? name : `${name}.jsonl`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
      }
      const cc = ccusageDaily(dir);
      const warden = wardenDaily(dir);
      const ccTokens = TOKEN_FIELDS.map(([, ccKey]) => cc.totals[ccKey]);
      const wTokens = TOKEN_FIELDS.map(([, , wardenOf]) => wardenOf(warden.total.tokens));
      const days = (list) => list.join(" ") || "-";
      const ccModels = cc.daily.flatMap((d) => (d.modelBreakdowns ?? []).map((m) => `${m.modelName} ${usd(m.cost)}`));
      const wModels = Object.entries(warden.total.models).map(
        ([model, m]) => `${model} ${m.cost_usd == null ? "unpriced" : usd(m.cost_usd)}`,
      );
      rows.push([
        probe.name,
        "ccusage",
        usd(cc.totals.totalCost),
        ...ccTokens.map(count),
        days(cc.daily.map((d) => d.date)),
        ccModels.join(" "),
      ]);
      rows.push([
        "",
        "warden",
        usd(warden.total_cost_usd),
        ...wTokens.map(count),
        days(warden.periods.map((p) => p.period)),
        wModels.join(" "),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `ccusage@${ccusageVersion} claude daily --offline --mode ${values.mode} vs warden cost --all-projects (--timezone ${values.timezone}), one config dir per probe:\n`,
  );
  printTable(["probe", "tool", "cost $", ...TOKEN_FIELDS.map(([name]) => name), "days", "models"], rows, 2);
  console.log("");
  for (const probe of probes()) console.log(`- ${probe.name}: ${probe.why}`);
}

/** A response written as Claude Code 2.1.197 writes it: a line per content block, usage repeated, output growing. */
function splitLines(sessionId, messageId, requestId, model, tokens, firstAt, blocks = 3, speed = "standard", stamps = null) {
  const types = ["thinking", "text", "tool_use"].slice(3 - blocks);
  return types.map((type, index) => {
    const last = index === types.length - 1;
    const output = last ? tokens.output : Math.ceil((tokens.output * (index + 1)) / (types.length + 1));
    const block =
      type === "thinking"
        ? { type, thinking: "Let me look.", signature: "c2ln" }
        : type === "text"
          ? { type, text: "Reading the file." }
          : { type, id: `toolu_${messageId}`, name: "Read", input: { file_path: "/home/dev/app/a.ts" } };
    return {
      parentUuid: null,
      isSidechain: false,
      message: {
        id: messageId,
        type: "message",
        role: "assistant",
        model,
        content: [block],
        stop_reason: last ? "tool_use" : null,
        stop_sequence: null,
        usage: {
          input_tokens: tokens.input,
          cache_creation_input_tokens: tokens.write5m + tokens.write1h,
          cache_read_input_tokens: tokens.read,
          output_tokens: output,
          server_tool_use: { web_search_requests: 0, web_fetch_requests: 0 },
          service_tier: "standard",
          cache_creation: { ephemeral_1h_input_tokens: tokens.write1h, ephemeral_5m_input_tokens: tokens.write5m },
          inference_geo: "",
          iterations: [],
          speed,
        },
        stop_details: null,
      },
      ...(requestId != null && { requestId }),
      type: "assistant",
      uuid: `00000000-0000-4000-8000-${String(index).padStart(6, "0")}${messageId.slice(-6).padStart(6, "0")}`,
      timestamp: stamps?.[index] ?? new Date(Date.parse(firstAt) + index * 400).toISOString(),
      userType: "external",
      entrypoint: "cli",
      cwd: "/home/dev/app",
      sessionId,
      version: "2.1.197",
      gitBranch: "main",
    };
  });
}

function syntheticLine(sessionId, timestamp) {
  return {
    parentUuid: null,
    isSidechain: false,
    message: {
      id: "c0ffee00-0000-4000-8000-000000000000",
      container: null,
      model: "<synthetic>",
      role: "assistant",
      stop_reason: "stop_sequence",
      stop_sequence: "",
      type: "message",
      usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      content: [{ type: "text", text: "API Error: 529 Overloaded" }],
    },
    type: "assistant",
    uuid: "00000000-0000-4000-8000-00000000c0de",
    timestamp,
    isApiErrorMessage: true,
    userType: "external",
    entrypoint: "cli",
    cwd: "/home/dev/app",
    sessionId,
    version: "2.1.197",
  };
}

// ---- formatting ----------------------------------------------------------------------------------

function printTable(header, rows, leftTail = 0) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i] ?? "").length)));
  const format = (row) =>
    `  ${row.map((cell, i) => (i === 0 || i >= row.length - leftTail ? String(cell ?? "").padEnd(widths[i]) : String(cell ?? "").padStart(widths[i]))).join("  ")}`.trimEnd();
  console.log(format(header));
  for (const row of rows) console.log(format(row));
}

function usd(value) {
  return value == null ? "-" : value.toFixed(6);
}

function count(value) {
  return value.toLocaleString("en");
}

function signed(value, digits) {
  if (value === 0 || (digits > 0 && Math.abs(value) < 0.5 * 10 ** -digits)) return "0";
  const text = digits === 0 ? Math.abs(value).toLocaleString("en") : Math.abs(value).toFixed(digits);
  return `${value > 0 ? "+" : "-"}${text}`;
}
