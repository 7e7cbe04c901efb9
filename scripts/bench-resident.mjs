// Resident mode in `pnpm bench` (imported by bench.mjs): what a PreToolUse and a PostToolUse cost
// when the resident server serves them, (a) over HTTP from a Node client, (b) through the bash
// client as Claude Code runs it, (c) through the same client with no server; and a count of 300
// calls through the bash client, checked against the session's records. Figures, not assertions.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const HOOK = "post-tool-guard";

export const quantile = (xs, q) => xs.toSorted((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

/** Runs a process to its end with `input` on stdin; its wall time is what its caller waits for. */
export function timeProcess(command, args, { input, env, cwd }) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { input, env, cwd });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout.toString() };
}

/**
 * Starts a server in a temp WARDEN_SERVER_DIR with `warden server start`, as a user would. `stop`
 * runs once, whichever comes first: the bench's end, its failure, its exit or a signal.
 */
export function startResident({ root, env }) {
  const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-bench-server-"));
  // A folder no server writes to: what `warden server stop` leaves (it removes the state file),
  // so the client there runs the node hook itself.
  const stoppedDir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-bench-stopped-"));
  const upEnv = { ...env, WARDEN_SERVER_DIR: serverDir };
  const warden = (action) =>
    spawnSync(process.execPath, [path.join(root, "hooks/warden.mjs"), "server", action], { env: upEnv, cwd: root, encoding: "utf8" });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const pid = readState(serverDir)?.pid;
    warden("stop");
    // A server that did not stop on request must not outlive the bench.
    if (pid != null && isAlive(pid)) process.kill(pid, "SIGKILL");
    for (const dir of [serverDir, stoppedDir]) fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"])
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  const started = warden("start");
  const state = readState(serverDir);
  if (started.status !== 0 || state == null) {
    stop();
    throw new Error(`warden server start failed (${started.status}): ${started.stdout}${started.stderr}`);
  }
  return { state, upEnv, stoppedEnv: { ...env, WARDEN_SERVER_DIR: stoppedDir }, stop };
}

function readState(serverDir) {
  let line;
  try {
    line = fs.readFileSync(path.join(serverDir, "server.state"), "utf8");
  } catch {
    return undefined;
  }
  const [pid, port, token, proof, build] = line.trim().split(" ");
  return { pid: Number(pid), port: Number(port), token, proof, build };
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One call as hooks/resident-hook.bash makes it: HTTP/1.0 on a fresh connection, the same headers,
 * the body read as lines (the decision, then `done`). Times from connect to each line.
 */
export function postHook(state, payload, projectDir) {
  const body = Buffer.from(payload);
  const head =
    `POST /v1/hook/${HOOK} HTTP/1.0\r\nHost: 127.0.0.1:${state.port}\r\nAuthorization: Bearer ${state.token}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nX-Warden-Stream: 1\r\nX-Claude-Pid: ${process.pid}\r\n` +
    `X-Claude-Project-Dir: ${projectDir}\r\nX-Warden-Dir: \r\n\r\n`;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started) / 1e6;
    const socket = net.connect({ host: "127.0.0.1", port: state.port });
    let received = "";
    let decisionMs;
    socket.on("connect", () => socket.write(Buffer.concat([Buffer.from(head, "latin1"), body])));
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      const split = received.indexOf("\r\n\r\n");
      if (split < 0) return;
      const [status, ...headers] = received.slice(0, split).split("\r\n");
      const proof = headers.find((h) => /^x-warden-proof:/i.test(h))?.replace(/^[^:]*: */, "");
      if (!/^HTTP\/1\.\d 200 /.test(status) || proof !== state.proof) {
        socket.destroy();
        reject(new Error(`the server refused the call: ${status}`));
        return;
      }
      const lines = received.slice(split + 4).split("\n");
      if (lines.length > 1) decisionMs ??= since();
      if (lines.length > 2) {
        socket.destroy();
        if (lines[1] === "done") resolve({ ms: since(), decisionMs });
        else reject(new Error(`no \`done\` after the decision: ${lines.slice(0, 2).join(" | ")}`));
      }
    });
    socket.on("error", reject);
    socket.on("close", () => reject(new Error(`the connection closed early: ${JSON.stringify(received.slice(0, 200))}`)));
  });
}

/**
 * Calls over HTTP one after the other, nothing else running between them: what the server itself
 * costs per call once warm (the interleaved figures above also pay for caches the hook processes
 * beside them have just evicted). `make(i)` gives the i-th payload.
 */
export async function timeBackToBack(state, projectDir, make, calls = 300) {
  const times = [];
  for (let i = 0; i < calls; i++) times.push((await postHook(state, make(i), projectDir)).ms);
  return times;
}

/** How many calls the server has been handed since it started (its health endpoint). */
export function servedCount(state) {
  const headers = { host: `127.0.0.1:${state.port}`, authorization: `Bearer ${state.token}` };
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: state.port, path: "/v1/health", headers, agent: false }, (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve(JSON.parse(text).served));
      })
      .on("error", reject);
  });
}

/**
 * The resident cases of the interleaved hook bench: each `measure` makes one call and gives its
 * time (and, over HTTP, the time to the decision line). `event` is the table's column.
 */
export function residentCases({ root, cwd, project, resident, pre, post }) {
  const client = path.join(root, "hooks", "resident-hook.bash");
  const bash = (row, event, env, payload) => ({
    name: `${row} ${event}`,
    measure: () => timeProcess("bash", [client, HOOK], { input: payload, env, cwd }).ms,
  });
  const cases = [];
  for (const [event, payload] of [
    ["pre", JSON.stringify(pre)],
    ["post", JSON.stringify(post)],
  ]) {
    cases.push({ name: `${ROWS.http} ${event}`, measure: () => postHook(resident.state, payload, project) });
    cases.push(bash(ROWS.up, event, resident.upEnv, payload));
    cases.push(bash(ROWS.down, event, resident.stoppedEnv, payload));
  }
  return cases;
}

const ROWS = {
  http: "(a) HTTP, Node client, to `done`",
  decision: "(a) HTTP, Node client, to decision",
  up: "(b) bash resident-hook.bash, server up",
  down: "(c) bash resident-hook.bash, server stopped",
};

/**
 * The resident table next to `node -e 0` and the command hook, p50 and p99 of each, with p50 over
 * `node -e 0`'s. `samples` maps a case name to its times; `decisions` the HTTP cases' decision times.
 */
export function printResidentTable({ samples, decisions, runs, baseline, commandHook, served }) {
  const rows = [
    ["node -e 0", samples.get(baseline), samples.get(baseline)],
    ["command hook: node post-tool-guard.mjs", samples.get(commandHook.pre), samples.get(commandHook.post)],
    [ROWS.decision, decisions.get(`${ROWS.http} pre`), decisions.get(`${ROWS.http} post`)],
    ...[ROWS.http, ROWS.up, ROWS.down].map((row) => [row, samples.get(`${row} pre`), samples.get(`${row} post`)]),
  ];
  const base = quantile(samples.get(baseline), 0.5);
  const cell = (xs) =>
    `${quantile(xs, 0.5).toFixed(1).padStart(7)} ${quantile(xs, 0.99).toFixed(1).padStart(7)} ${(quantile(xs, 0.5) / base).toFixed(2).padStart(5)}x`;
  const slowest = runs < 100 ? "; below 100 calls p99 is the slowest" : "";
  console.log(`\nResident mode (ms per call, ${runs} calls each, interleaved with the hooks above${slowest})`);
  const head = `${"p50".padStart(7)} ${"p99".padStart(7)} ${"/node".padStart(6)}`;
  console.log(`  ${"".padEnd(44)} ${"PreToolUse Bash".padStart(22)}    ${"PostToolUse Read 10 KiB".padStart(22)}`);
  console.log(`  ${"".padEnd(44)} ${head}    ${head}`);
  for (const [label, pre, post] of rows) console.log(`  ${label.padEnd(44)} ${cell(pre)}    ${cell(post)}`);
  const expected = 2 * 2 * (runs + served.warmups);
  if (served.count !== expected) {
    console.log(`  ! the server served ${served.count} of the ${expected} calls sent to it: the rest ran the node hook`);
    process.exitCode = 1;
  }
}

const COUNT_SESSION = "b3nch000-0000-4000-8000-000000000300";

/**
 * 150 tool calls (a PreToolUse, then the PostToolUse of the same tool_use_id) through the bash
 * client, `lanes` calls at a time as Claude Code runs parallel tools; then every call must be in the
 * session's records exactly once, completed from its PreToolUse note, no note left.
 */
export async function countRecorded({ root, cwd, project, resident, base, calls = 150, lanes = 4 }) {
  const pairs = countPayloads({ ...base, session_id: COUNT_SESSION }, project, calls);
  const client = (input) => runClient(path.join(root, "hooks", "resident-hook.bash"), input, resident.upEnv, cwd);
  const servedBefore = await servedCount(resident.state);
  const run = await runInLanes(pairs, client, lanes);
  const served = (await servedCount(resident.state)) - servedBefore;
  const { recorded, ...faults } = checkRecords(project, pairs, run.preWindows);
  const complete = recorded === calls && served === 2 * calls && Object.values(faults).every((n) => n === 0);
  console.log(`\nCount: ${2 * calls} calls through the bash client (${calls} PreToolUse + ${calls} PostToolUse, ${lanes} at a time)`);
  console.log(
    `  recorded: ${recorded}/${calls} calls, each once from its PreToolUse note (${faults.missing} missing, ${faults.duplicated} duplicated, ` +
      `${faults.unexpected} unexpected, ${faults.withoutPre} without their PreToolUse, ${faults.notesLeft} notes left); ` +
      `served by the server: ${served}/${2 * calls}${complete ? "" : "  ! INCOMPLETE"}`,
  );
  console.log(
    `  per call, ${lanes} at a time: PreToolUse ${figures(run.pre)}; PostToolUse ${figures(run.post)}; ` +
      `all in ${run.seconds.toFixed(1)} s (${((2 * calls) / run.seconds).toFixed(0)} calls/s)`,
  );
  if (!complete) process.exitCode = 1;
}

const figures = (xs) => `p50 ${quantile(xs, 0.5).toFixed(1)} ms  p99 ${quantile(xs, 0.99).toFixed(1)} ms`;

/** Bash and Read calls in turn, each PostToolUse with ~10 KiB of output. */
function countPayloads(base, project, calls) {
  const tool = { ...base, permission_mode: "default", prompt_id: "p1", effort: { level: "high" } };
  const fileText = "export const answer = compute(input); // ordinary source code\n".repeat(160);
  return Array.from({ length: calls }, (_, i) => {
    const id = `toolu_count_${String(i).padStart(4, "0")}`;
    const [name, input, response] =
      i % 2 === 0
        ? ["Bash", { command: `npm test -- --grep case-${i}`, description: "Run a test" }, bashOutput(fileText)]
        : ["Read", { file_path: `${project}/src/f${i}.ts` }, readOutput(`${project}/src/f${i}.ts`, fileText)];
    const pre = { ...tool, hook_event_name: "PreToolUse", tool_name: name, tool_input: input, tool_use_id: id };
    // A duration longer than the gap between the two hooks: an event not completed from the
    // PreToolUse note would start (end minus duration) before its PreToolUse ran.
    const post = { ...pre, hook_event_name: "PostToolUse", tool_response: response, duration_ms: 1200 };
    return { id, pre: JSON.stringify(pre), post: JSON.stringify(post) };
  });
}

/** Each lane takes the next call and runs its PreToolUse, then its PostToolUse. */
async function runInLanes(pairs, client, lanes) {
  const run = { pre: [], post: [], preWindows: new Map(), seconds: 0 };
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < pairs.length; i = next++) {
      const from = Date.now();
      run.pre.push(await client(pairs[i].pre));
      run.preWindows.set(pairs[i].id, [from, Date.now()]);
      run.post.push(await client(pairs[i].post));
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: lanes }, lane));
  run.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return run;
}

/** The session's tool events against the calls made: each once, started within its PreToolUse. */
function checkRecords(project, pairs, preWindows) {
  const warden = path.join(project, ".warden");
  const log = path.join(warden, "sessions", `${COUNT_SESSION}.jsonl`);
  const lines = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n") : [];
  const events = lines.filter((line) => line !== "").flatMap((line) => [JSON.parse(line)].filter((r) => r.type === "event"));
  const seen = new Map();
  for (const event of events) seen.set(event.tool_use_id, [...(seen.get(event.tool_use_id) ?? []), event]);
  const ids = pairs.map(({ id }) => id);
  const once = ids.filter((id) => seen.get(id)?.length === 1);
  const fromPre = once.filter((id) => {
    const start = Date.parse(seen.get(id)[0].timestamp_start);
    const [from, to] = preWindows.get(id);
    return start >= from && start <= to;
  });
  const notes = path.join(warden, "pending", COUNT_SESSION);
  return {
    recorded: fromPre.length,
    missing: ids.filter((id) => !seen.has(id)).length,
    duplicated: ids.filter((id) => (seen.get(id)?.length ?? 0) > 1).length,
    unexpected: events.filter((e) => !ids.includes(e.tool_use_id)).length,
    withoutPre: once.length - fromPre.length,
    notesLeft: fs.existsSync(notes) ? fs.readdirSync(notes).length : 0,
  };
}

function runClient(client, input, env, cwd) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn("bash", [client, HOOK], { env, cwd, stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(Number(process.hrtime.bigint() - started) / 1e6);
      else reject(new Error(`resident-hook.bash exited with ${code}: ${stderr}`));
    });
    child.stdin.end(input);
  });
}

const bashOutput = (stdout) => ({ stdout, stderr: "", interrupted: false, isImage: false, noOutputExpected: false });

const readOutput = (filePath, content) => ({
  type: "text",
  file: { filePath, content, numLines: 160, startLine: 1, totalLines: 160 },
});
