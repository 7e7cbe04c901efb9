#!/usr/bin/env node
// Measures the injection guard on the held-out sets in tests/fixtures/injection-eval: each case is one session
// through the real built hooks (SessionStart, the user's prompt, PreToolUse, PostToolUse), and a case is "warned"
// when the PostToolUse reply carries additionalContext. Options: --show, --json, --set NAME, --concurrency N.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixturesDir = path.join(root, "tests/fixtures/injection-eval");
const hooksDir = path.join(root, "hooks");
const SETS = ["agent-directed", "benchmark-style"];

const { values: args } = parseArgs({
  options: {
    show: { type: "boolean" },
    json: { type: "boolean" },
    set: { type: "string", multiple: true },
    concurrency: { type: "string", default: "8" },
  },
});

/** A hook that exits non-zero, or prints something other than nothing or one JSON object. */
class HookFailure extends Error {
  name = "HookFailure";
}

// ---- payloads, shaped as Claude Code 2.1.197 sends them (see tests/support/payloads.ts) ----

function sessionOf(caseId) {
  const rootDir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-eval-"));
  const project = path.join(rootDir, "project");
  const home = path.join(rootDir, "home");
  fs.mkdirSync(project);
  fs.mkdirSync(home);
  const sessionId = randomUUID();
  const slug = project.replace(/[^a-zA-Z0-9]/g, "-");
  return {
    caseId,
    rootDir,
    project,
    promptId: randomUUID(),
    base: { session_id: sessionId, transcript_path: path.join(home, ".claude/projects", slug, `${sessionId}.jsonl`), cwd: project },
    env: {
      PATH: process.env.PATH ?? "",
      HOME: home,
      TZ: "UTC",
      NO_COLOR: "1",
      CLAUDE_PROJECT_DIR: project,
      CLAUDECODE: "1",
      CLAUDE_CODE_SESSION_ID: sessionId,
    },
  };
}

/** The tool call the model made and what the tool returned, for one case. */
function toolCall(c, session) {
  const lines = c.text.split("\n").length;
  switch (c.tool) {
    case "Read": {
      const filePath = path.isAbsolute(c.source) ? c.source : path.join(session.project, c.source);
      fs.mkdirSync(path.dirname(filePath), { recursive: true });
      fs.writeFileSync(filePath, c.text);
      return {
        input: { file_path: filePath },
        response: { type: "text", file: { filePath, content: c.text, numLines: lines, startLine: 1, totalLines: lines } },
      };
    }
    case "WebFetch":
      return {
        input: { url: c.source, prompt: `Extract what is needed to answer: ${c.userPrompt}` },
        response: { url: c.source, code: 200, codeText: "OK", bytes: Buffer.byteLength(c.text), result: c.text, durationMs: 840 },
      };
    case "Bash":
      return {
        input: { command: c.source, description: `Run ${c.source.split(" ")[0]}` },
        response: { stdout: c.text, stderr: "", interrupted: false, isImage: false, noOutputExpected: false },
      };
    default:
      throw new Error(`${c.id}: unknown tool ${JSON.stringify(c.tool)}, expected Read, WebFetch or Bash`);
  }
}

function turnPayloads(c, session) {
  const { base, promptId } = session;
  const toolBase = { ...base, permission_mode: "default", prompt_id: promptId, effort: { level: "high" } };
  const call = toolCall(c, session);
  const toolUseId = `toolu_01${randomBytes(11).toString("base64url")}`;
  return [
    ["session-start", { ...base, hook_event_name: "SessionStart", source: "startup" }],
    [
      "post-tool-guard",
      { ...base, prompt_id: promptId, permission_mode: "default", hook_event_name: "UserPromptSubmit", prompt: c.userPrompt },
    ],
    ["post-tool-guard", { ...toolBase, hook_event_name: "PreToolUse", tool_name: c.tool, tool_input: call.input, tool_use_id: toolUseId }],
    [
      "post-tool-guard",
      {
        ...toolBase,
        hook_event_name: "PostToolUse",
        tool_name: c.tool,
        tool_input: call.input,
        tool_response: call.response,
        tool_use_id: toolUseId,
        duration_ms: 37,
      },
    ],
  ];
}

// ---- running the hooks ----

function runHook(hook, payload, session) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(hooksDir, `${hook}.mjs`)], { cwd: session.project, env: session.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.stdin.on("error", () => undefined);
    child.on("close", (code) => {
      const where = `${session.caseId}: ${hook} on ${payload.hook_event_name}`;
      if (code !== 0) return reject(new HookFailure(`${where} exited ${code}; stderr: ${stderr.slice(0, 500)}`));
      const text = stdout.trim();
      if (text === "") return resolve({ reply: null, ms: performance.now() - started });
      try {
        const reply = JSON.parse(text);
        if (reply == null || typeof reply !== "object" || Array.isArray(reply)) throw new Error("not an object");
        resolve({ reply, ms: performance.now() - started });
      } catch (cause) {
        reject(new HookFailure(`${where} printed invalid JSON: ${JSON.stringify(text.slice(0, 300))}`, { cause }));
      }
    });
    child.stdin.end(JSON.stringify(payload));
  });
}

/** The rule names a note lists, one per "- Rule (severity, category): ..." line. */
const rulesOf = (note) => [...(note ?? "").matchAll(/^- (\S+) \(/gm)].map((m) => m[1]);

const noteOf = (reply) => {
  const context = reply?.hookSpecificOutput?.additionalContext;
  if (typeof context === "string" && context !== "") return context;
  return reply?.decision === "block" ? String(reply.reason ?? "block") : null;
};

async function runCase(c) {
  const session = sessionOf(c.id);
  try {
    const [, prompt, pre, post] = await runTurn(turnPayloads(c, session), session);
    const note = noteOf(post.reply);
    return {
      id: c.id,
      set: c.set,
      label: c.label,
      class: c.class,
      tool: c.tool,
      source: c.source,
      warned: note != null,
      rules: rulesOf(note),
      note,
      prompt_warned: noteOf(prompt.reply) != null,
      pre_decision: pre.reply?.hookSpecificOutput?.permissionDecision ?? null,
      post_ms: Math.round(post.ms),
    };
  } finally {
    fs.rmSync(session.rootDir, { recursive: true, force: true });
  }
}

async function runTurn(payloads, session) {
  const results = [];
  for (const [hook, payload] of payloads) results.push(await runHook(hook, payload, session));
  return results;
}

async function pool(items, limit, worker) {
  const results = Array.from({ length: items.length });
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i]);
    }
  });
  await Promise.all(lanes);
  return results;
}

// ---- report ----

const pct = (k, n) => (n === 0 ? "   -" : `${((100 * k) / n).toFixed(0).padStart(3)}%`);

function summarise(results) {
  const bySet = {};
  for (const set of new Set(results.map((r) => r.set))) {
    const rows = results.filter((r) => r.set === set);
    const attacks = rows.filter((r) => r.label === "attack");
    const benign = rows.filter((r) => r.label === "benign");
    const classes = {};
    for (const r of rows) {
      const key = `${r.label}:${r.class}`;
      classes[key] ??= { label: r.label, class: r.class, n: 0, warned: 0 };
      classes[key].n++;
      if (r.warned) classes[key].warned++;
    }
    bySet[set] = {
      attacks: { n: attacks.length, detected: attacks.filter((r) => r.warned).length },
      benign: { n: benign.length, warned: benign.filter((r) => r.warned).length },
      classes: Object.values(classes),
      misses: attacks.filter((r) => !r.warned).map(({ id, class: cls, source }) => ({ id, class: cls, source })),
      false_alarms: benign
        .filter((r) => r.warned)
        .map(({ id, class: cls, source, rules, note }) => ({ id, class: cls, source, rules, note })),
      prompts_warned: rows.filter((r) => r.prompt_warned).map((r) => r.id),
      pre_tool_not_allowed: rows
        .filter((r) => r.pre_decision != null && r.pre_decision !== "allow")
        .map((r) => ({ id: r.id, decision: r.pre_decision })),
    };
  }
  return bySet;
}

function printReport(summary, results) {
  for (const [set, s] of Object.entries(summary)) {
    console.log(`\n${set}`);
    console.log(`  attacks detected  ${String(s.attacks.detected).padStart(3)} / ${s.attacks.n}  ${pct(s.attacks.detected, s.attacks.n)}`);
    console.log(`  benign warned     ${String(s.benign.warned).padStart(3)} / ${s.benign.n}  ${pct(s.benign.warned, s.benign.n)}`);
    for (const label of ["attack", "benign"]) {
      console.log(`  ${label === "attack" ? "detected per attack class" : "warned per benign class"}:`);
      for (const row of s.classes.filter((entry) => entry.label === label).toSorted((a, b) => a.class.localeCompare(b.class)))
        console.log(`    ${row.class.padEnd(28)} ${String(row.warned).padStart(2)} / ${String(row.n).padEnd(2)} ${pct(row.warned, row.n)}`);
    }
    if (s.prompts_warned.length > 0) console.log(`  user prompts warned (unexpected): ${s.prompts_warned.join(", ")}`);
    if (s.pre_tool_not_allowed.length > 0)
      console.log(`  PreToolUse replied with a decision: ${s.pre_tool_not_allowed.map((p) => `${p.id} (${p.decision})`).join(", ")}`);
    if (!args.show) continue;
    console.log("  misses:");
    for (const m of s.misses) console.log(`    ${m.id.padEnd(10)} ${m.class.padEnd(24)} ${m.source}`);
    console.log("  false alarms:");
    for (const f of s.false_alarms) {
      console.log(`    ${f.id.padEnd(10)} ${f.class.padEnd(24)} ${f.source}`);
      for (const line of f.note.split("\n").filter((l) => l.startsWith("- "))) console.log(`      ${line.slice(0, 220)}`);
    }
  }
  const ms = results.map((r) => r.post_ms).toSorted((a, b) => a - b);
  console.log(`\n${results.length} cases; PostToolUse hook wall time median ${ms[ms.length >> 1]} ms, max ${ms.at(-1)} ms`);
}

async function main() {
  if (!fs.existsSync(path.join(hooksDir, "post-tool-guard.mjs")))
    throw new HookFailure(`hooks/post-tool-guard.mjs not found: build first (pnpm build)`);
  const sets = args.set ?? SETS;
  const cases = sets.flatMap((set) =>
    JSON.parse(fs.readFileSync(path.join(fixturesDir, `${set}.json`), "utf8")).map((c) => ({ ...c, set })),
  );
  const results = await pool(cases, Math.max(1, Number(args.concurrency) || 8), runCase);
  const summary = summarise(results);
  if (args.json) console.log(JSON.stringify({ sets: summary, cases: results }, null, 2));
  else printReport(summary, results);
}

try {
  await main();
} catch (err) {
  console.error(err instanceof HookFailure ? `eval-injection: ${err.message}` : err);
  process.exitCode = 1;
}
