#!/usr/bin/env node
// `node scripts/bench-history.mjs`: `warden cost --all-projects` over a generated year of Claude
// Code history (scripts/generate-history.mjs: 5,000 transcripts, a few GB), run as the built CLI in
// a real process: wall time and peak RSS, cold (the transcripts' pages dropped from the page cache
// first) and warm (run again), by day, session and 5-hour block; then one run under `node
// --cpu-prof`, summarised as the functions and files the time goes to. Figures, not assertions; it
// only checks that the totals are the generator's expected ones.
//
// The history is written once to $BENCH_HISTORY_DIR (default: <tmp>/warden-bench-history/<N>-<seed>-v<version>)
// and reused while its generated.json matches. BENCH_HISTORY_TRANSCRIPTS (default 5000) and
// BENCH_HISTORY_SEED change it.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { GENERATOR_VERSION, generateHistory } from "./generate-history.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(root, "hooks", "bin", "warden");
const TRANSCRIPTS = Number(process.env.BENCH_HISTORY_TRANSCRIPTS ?? 5000);
const SEED = process.env.BENCH_HISTORY_SEED ?? "warden";
const DIR = process.env.BENCH_HISTORY_DIR ?? path.join(os.tmpdir(), "warden-bench-history", `${TRANSCRIPTS}-${SEED}-v${GENERATOR_VERSION}`);
const GNU_TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

const manifest = cachedHistory();
console.log(
  `History: ${manifest.counts.sessions.toLocaleString("en")} transcripts + ${manifest.counts.subagent_files.toLocaleString("en")} subagent files ` +
    `in ${manifest.projects} projects, ${gib(manifest.bytes)} GiB, ${manifest.lines.toLocaleString("en")} lines, ` +
    `${manifest.expected.total.responses.toLocaleString("en")} API responses (${DIR})`,
);

const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: path.join(DIR, "home"), TZ: "UTC" };
const cases = [
  { name: "by day (default)", args: [] },
  { name: "--session", args: ["--session"] },
  { name: "--blocks", args: ["--blocks"] },
];
console.log(`\nwarden cost --all-projects --claude-dir DIR --json (a process each; peak RSS from ${GNU_TIME ?? "/proc VmHWM polling"})`);
let warmByDay;
// Every transcript read (--no-cache): first from the disk, then from the page cache.
for (const { name, args } of cases) {
  const cold = dropPageCache(DIR);
  const first = await timedCost([...args, "--no-cache"]);
  const second = await timedCost([...args, "--no-cache"]);
  const check = checkTotals(first.json);
  warmByDay ??= second;
  console.log(
    `  ${name.padEnd(18)} ${cold ? "cold" : "first"} ${seconds(first.wallMs)} s (cpu ${seconds(first.cpuMs)} s) ${mib(first.peakRss)} MiB   ` +
      `warm ${seconds(second.wallMs)} s (cpu ${seconds(second.cpuMs)} s) ${mib(second.peakRss)} MiB   ${first.json.periods.length} rows; ${check}`,
  );
}
// The incremental cache (in HOME's Warden state folder): a first run fills it, the next reads no transcript.
fs.rmSync(path.join(env.HOME, ".local", "state", "warden", "usage-history"), { recursive: true, force: true });
const filling = await timedCost([]);
const cached = await timedCost([]);
console.log(
  `  with the cache      filling ${seconds(filling.wallMs)} s (cpu ${seconds(filling.cpuMs)} s) ${mib(filling.peakRss)} MiB   ` +
    `cached ${seconds(cached.wallMs)} s (cpu ${seconds(cached.cpuMs)} s) ${mib(cached.peakRss)} MiB   ` +
    `${cached.json.read.cached_files} of ${cached.json.read.cached_files + cached.json.read.files} files from the cache; ${checkTotals(cached.json)}`,
);
const perSecond = (amount) => amount / (warmByDay.wallMs / 1000);
console.log(
  `  warm, by day: ${perSecond(manifest.bytes / 1024 / 1024).toFixed(0)} MiB/s, ${Math.round(perSecond(manifest.lines)).toLocaleString("en")} lines/s, ` +
    `${Math.round(perSecond(manifest.counts.sessions + manifest.counts.subagent_files)).toLocaleString("en")} files/s`,
);
profile();

/** The generated history at DIR, written now unless a matching one is there. */
function cachedHistory() {
  try {
    const existing = JSON.parse(fs.readFileSync(path.join(DIR, "generated.json"), "utf8"));
    if (existing.generator_version === GENERATOR_VERSION && existing.transcripts === TRANSCRIPTS && existing.seed === SEED) return existing;
  } catch {
    // None yet, or half-written: write it.
  }
  console.log(`Generating ${TRANSCRIPTS} transcripts into ${DIR} (once; reused by later runs)…`);
  return generateHistory({ out: DIR, transcripts: TRANSCRIPTS, seed: SEED });
}

/**
 * Evicts the history's files from the page cache (written back first, then `dd iflag=nocache`,
 * which asks the kernel to drop a file's clean pages): the next run reads from the disk, as the
 * first run after a reboot would. False when dd could not do it (the run is then only "first").
 */
function dropPageCache(dir) {
  spawnSync("sync", ["-f", dir]);
  const script = 'for f in "$@"; do dd if="$f" iflag=nocache count=0 status=none || exit 1; done';
  const files = listFiles(dir);
  for (let i = 0; i < files.length; i += 500) {
    const result = spawnSync("sh", ["-c", script, "sh", ...files.slice(i, i + 500)]);
    if (result.status !== 0) return false;
  }
  return true;
}

function listFiles(dir) {
  return fs
    .readdirSync(path.join(dir, "projects"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".jsonl"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Runs the CLI once: wall time, peak RSS (the kernel's count, from GNU time), and its JSON. */
async function timedCost(extra) {
  const args = [CLI, "cost", "--all-projects", "--claude-dir", DIR, "--json", "--timezone", "UTC", ...extra];
  const [command, argv] = GNU_TIME ? [GNU_TIME, ["-v", process.execPath, ...args]] : [process.execPath, args];
  const started = performance.now();
  const child = spawn(command, argv, { env, cwd: DIR, stdio: ["ignore", "pipe", "pipe"] });
  const stdout = [];
  let stderr = "";
  child.stdout.on("data", (chunk) => stdout.push(chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  let polled = 0;
  const poll = GNU_TIME
    ? undefined
    : setInterval(() => {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readOr(`/proc/${child.pid}/status`))?.[1];
        if (hwm != null) polled = Math.max(polled, Number(hwm) * 1024);
      }, 20);
  const code = await new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const wallMs = performance.now() - started;
  clearInterval(poll);
  if (code !== 0) throw new Error(`warden cost exited ${code}: ${stderr.slice(0, 2000)}`);
  const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const cpu = ["User", "System"].map((kind) => Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? Number.NaN));
  return {
    wallMs,
    // CPU seconds say more than wall time on a busy machine.
    cpuMs: (cpu[0] + cpu[1]) * 1000,
    peakRss: fromTime ? Number(fromTime[1]) * 1024 : polled,
    json: JSON.parse(Buffer.concat(stdout).toString("utf8")),
  };
}

function readOr(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Whether the run counted what the generator wrote: every response once, each token once. */
function checkTotals(json) {
  const expected = manifest.expected.total;
  const got = json.total.tokens;
  const fields = ["responses", "input_tokens", "output_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "cache_read_tokens"];
  const wrong = fields.filter((field) => got[field] !== expected[field]);
  return wrong.length === 0
    ? `totals = expected (${json.read.files} files read, ${json.read.duplicate_lines.toLocaleString("en")} repeated lines merged)`
    : `totals DIFFER in ${wrong.map((f) => `${f} ${got[f]} != ${expected[f]}`).join(", ")}`;
}

/**
 * One warm scan under `node --cpu-prof`. The CLI bundle is minified, so this profiles what the
 * command runs (readUsageHistory, then rollUpUsage by day, then the JSON) from core's built modules,
 * whose function names and lines are the source's. Prints the functions with the most self time and
 * each source file's share.
 */
function profile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-history-prof-"));
  const built = (file) => JSON.stringify(pathToFileURL(path.join(root, "packages", "core", "dist", "history", file)).href);
  const code = `
    const { readUsageHistory } = await import(${built("usage-history.js")});
    const { rollUpUsage } = await import(${built("usage-rollup.js")});
    const history = await readUsageHistory(${JSON.stringify(DIR)});
    const rollup = rollUpUsage(history.sessions, { by: "day", timeZone: "UTC", since: null, until: null, order: "asc", now: Date.now() });
    process.stdout.write(JSON.stringify({ rollup, read: history.read }).length + "\\n");`;
  try {
    const args = ["--cpu-prof", "--cpu-prof-dir", dir, "--input-type=module", "-e", code];
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { env, cwd: DIR, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const wallMs = performance.now() - started;
    if (run.status !== 0) throw new Error(`profiled run exited ${run.status}: ${run.stderr}`);
    const file = fs.readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
    const { nodes, samples, timeDeltas } = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const byFunction = new Map();
    const byFile = new Map();
    let totalUs = 0;
    samples.forEach((id, i) => {
      const us = timeDeltas[i] ?? 0;
      totalUs += us;
      const { functionName, url, lineNumber } = byId.get(id).callFrame;
      const source = url === "" ? "(native)" : url.startsWith("node:") ? url : path.relative(root, fileURLToPath(url));
      const name = `${functionName || "(anonymous)"}${url === "" ? "" : ` ${path.basename(source)}:${lineNumber + 1}`}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + us);
      byFile.set(source, (byFile.get(source) ?? 0) + us);
    });
    const top = (map, count) => [...map].toSorted((a, b) => b[1] - a[1]).slice(0, count);
    const line = ([name, us]) => `  ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${seconds(us / 1000).padStart(6)} s  ${name}`;
    console.log(
      `\nProfile of one warm scan by day (core's modules under node --cpu-prof: ${seconds(wallMs)} s wall, ${seconds(totalUs / 1000)} s sampled)`,
    );
    console.log("Self time by function:");
    for (const entry of top(byFunction, 15)) console.log(line(entry));
    console.log("Self time by file:");
    for (const entry of top(byFile, 8)) console.log(line(entry));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function seconds(ms) {
  return (ms / 1000).toFixed(2);
}

function mib(bytes) {
  return (bytes / 1024 / 1024).toFixed(0);
}

function gib(bytes) {
  return (bytes / 1024 / 1024 / 1024).toFixed(2);
}
