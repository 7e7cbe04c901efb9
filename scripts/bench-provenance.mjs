#!/usr/bin/env node
// Provenance's cost (part of `pnpm bench`): what following the model's lines adds to a PostToolUse
// of Edit, what a commit's checkpoint (attribution + note) costs, and `warden blame` on a file with
// a long history. Figures, not assertions.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { timeProcess } from "./bench-resident.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = (file) => import(pathToFileURL(path.join(root, "packages/core/dist", file)).href);
const { carryWrite } = await dist("provenance/ai-write.js");
const { hashLines } = await dist("provenance/line-text.js");
const { recordCommitCheckpoints } = await dist("provenance/commit-checkpoint.js");
const { blameFile } = await dist("provenance/blame-file.js");
const { SessionStore } = await dist("store/session-store.js");
const { loadWardenConfig } = await dist("config/warden-config.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = (run) => {
  const started = process.hrtime.bigint();
  const value = run();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
};
const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "b",
  GIT_AUTHOR_EMAIL: "b@b",
  GIT_COMMITTER_NAME: "b",
  GIT_COMMITTER_EMAIL: "b@b",
};
const git = (cwd, ...args) => execFileSync("git", args, { cwd, env: gitEnv, encoding: "utf8" });
const sourceLines = (n, salt = "") =>
  Array.from({ length: n }, (_, i) => `  const value${i} = compute(input${i}, "${salt}"); // line ${i}`).join("\n") + "\n";
const author = {
  session_id: "bench",
  tool_use_id: "toolu_1",
  prompt_id: null,
  agent_id: null,
  tool_name: "Edit",
  at: new Date().toISOString(),
};

function repo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-bench-prov-"));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "commit", "-q", "--allow-empty", "-m", "init");
  return dir;
}

/** One line changed by an Edit in a file of n lines, the ledger carried through it (in-process). */
function editCost(n) {
  const dir = repo();
  const file = path.join(dir, "big.ts");
  const warden = path.join(dir, ".warden");
  fs.writeFileSync(file, sourceLines(n));
  carryWrite(warden, file, [], author, new Date());
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const before = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, before.replace(`line ${i * 7}\n`, `line ${i * 7} (edited)\n`));
    times.push(timed(() => carryWrite(warden, file, hashLines(before), author, new Date())).ms);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return median(times);
}

/** A PostToolUse of Edit as a process, with provenance on and off, on a file of n lines. */
function hookCost(n, enabled) {
  const dir = repo();
  fs.mkdirSync(path.join(dir, ".claude"));
  fs.writeFileSync(path.join(dir, ".claude", "warden.json"), JSON.stringify({ provenance: { enabled } }));
  const file = path.join(dir, "big.ts");
  const original = sourceLines(n);
  fs.writeFileSync(file, original.replace("line 3\n", "line 3 (edited)\n"));
  const env = { PATH: process.env.PATH ?? "", HOME: dir, CLAUDE_PROJECT_DIR: dir, TZ: "UTC" };
  const payload = JSON.stringify({
    session_id: "b3nch000-0000-4000-8000-000000000002",
    transcript_path: path.join(dir, "t.jsonl"),
    cwd: dir,
    permission_mode: "default",
    hook_event_name: "PostToolUse",
    tool_name: "Edit",
    tool_input: { file_path: file, old_string: "line 3\n", new_string: "line 3 (edited)\n", replace_all: false },
    tool_response: {
      filePath: file,
      oldString: "line 3\n",
      newString: "line 3 (edited)\n",
      originalFile: original,
      structuredPatch: [],
      userModified: false,
      replaceAll: false,
    },
    tool_use_id: "toolu_edit",
    duration_ms: 3,
  });
  const times = [];
  for (let i = 0; i < RUNS + 2; i++)
    times.push(timeProcess(process.execPath, [path.join(root, "hooks/post-tool-guard.mjs")], { input: payload, env, cwd: dir }).ms);
  fs.rmSync(dir, { recursive: true, force: true });
  return median(times.slice(2));
}

/** A recorded session ("bench") in the repository's data dir, as SessionStart leaves it. */
function benchSession(dir) {
  const store = new SessionStore(path.join(dir, ".warden"));
  const config = loadWardenConfig(dir, dir);
  const init = { type: "init", session_id: "bench", source: "startup", cwd: dir, project_dir: dir, transcript_path: null, git: null };
  store.append("bench", { ...init, platform: "bench", warden_version: "bench" });
  return { store, config };
}

/** A session commit of `files` files of `lines` lines each, all written by the model: checkpoint, attribution and note. */
async function commitCost(files, lines) {
  const dir = repo();
  const { store, config } = benchSession(dir);
  for (let f = 0; f < files; f++) {
    const file = path.join(dir, `src/file${f}.ts`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, sourceLines(lines, String(f)));
    carryWrite(store.paths.root, file, [], author, new Date());
  }
  const gitDir = path.join(dir, ".git");
  const before = { root: dir, git_dir: gitDir, head_log_bytes: fs.statSync(path.join(gitDir, "logs", "HEAD")).size, head: null };
  git(dir, "add", "src");
  git(dir, "commit", "-q", "-m", "bench commit");
  const started = process.hrtime.bigint();
  const [checkpoint] = await recordCommitCheckpoints(
    { store, config, now: () => new Date() },
    { sessionId: "bench", toolUseId: null, transcriptPath: null, before },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const noteBytes = Buffer.byteLength(git(dir, "notes", "--ref", "refs/notes/warden", "show", "HEAD"));
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, noteBytes, ai: checkpoint.lines.ai, added: checkpoint.lines.added };
}

/** `blame` of a file of 2,000 lines built by 50 session commits. */
async function blameCost() {
  const dir = repo();
  const { store, config } = benchSession(dir);
  const file = path.join(dir, "history.ts");
  let text = "";
  for (let c = 0; c < 50; c++) {
    const before = hashLines(text);
    text += sourceLines(40, `commit ${c}`);
    fs.writeFileSync(file, text);
    carryWrite(store.paths.root, file, before, author, new Date());
    const gitDir = path.join(dir, ".git");
    const head = { root: dir, git_dir: gitDir, head_log_bytes: fs.statSync(path.join(gitDir, "logs", "HEAD")).size, head: null };
    git(dir, "add", "history.ts");
    git(dir, "commit", "-q", "-m", `c${c}`);
    await recordCommitCheckpoints(
      { store, config, now: () => new Date() },
      { sessionId: "bench", toolUseId: null, transcriptPath: null, before: head },
    );
  }
  const times = [];
  let lines = [];
  for (let i = 0; i < 5; i++) {
    const run = timed(() => blameFile(dir, file, { wardenRoot: store.paths.root }));
    times.push(run.ms);
    lines = run.value;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms: median(times), lines: lines.length, ai: lines.filter((l) => l.origin === "ai").length };
}

console.log(`Provenance (median of ${RUNS} runs)`);
for (const n of [200, 5_000, 50_000])
  console.log(`  ledger carried through an Edit, file of ${String(n).padStart(6)} lines   ${editCost(n).toFixed(2).padStart(8)} ms`);
for (const n of [200, 5_000]) {
  const on = hookCost(n, true);
  const off = hookCost(n, false);
  console.log(
    `  PostToolUse Edit process, ${String(n).padStart(5)} lines: provenance on ${on.toFixed(1)} ms, off ${off.toFixed(1)} ms (+${(on - off).toFixed(1)} ms)`,
  );
}
for (const [files, lines] of [
  [1, 100],
  [10, 500],
  [1, 25_000],
]) {
  const c = await commitCost(files, lines);
  console.log(
    `  commit checkpoint, ${files} file(s) x ${lines} lines: ${c.ms.toFixed(1)} ms, note ${(c.noteBytes / 1024).toFixed(1)} KiB, ${c.ai}/${c.added} lines ai`,
  );
}
const b = await blameCost();
console.log(`  warden blame (in-process), ${b.lines} lines from 50 session commits: ${b.ms.toFixed(1)} ms (${b.ai} ai)`);
