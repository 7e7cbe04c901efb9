import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { isProcessAlive } from "@warden/core";
import { CLI, HOOKS_DIR, makeSandbox, readJsonl, runProcess, type HookName, type ProcessResult, type Sandbox } from "./hook-process.js";

/**
 * Resident mode as a user runs it: a real server started by `warden server start` in a private
 * server folder, the real bash client spawned the way Claude Code spawns exec-form hooks
 * (`bash hooks/resident-hook.bash <hook>`, no shell, payload on stdin then EOF, cwd the project).
 */
export interface ResidentSandbox extends Sandbox {
  /** WARDEN_SERVER_DIR of this sandbox: its state file, start lock and log. */
  readonly serverDir: string;
  readonly stateFile: string;
}

export function makeResidentSandbox(): ResidentSandbox {
  const box = makeSandbox();
  const serverDir = path.join(path.dirname(box.project), "server");
  return {
    ...box,
    serverDir,
    stateFile: path.join(serverDir, "server.state"),
    env: { ...box.env, WARDEN_SERVER_DIR: serverDir },
  };
}

/** The state file's line, `pid port token proof build`, as fields. */
export interface StateLine {
  readonly pid: number;
  readonly port: number;
  readonly token: string;
  readonly proof: string;
  readonly build: string;
}

export function readStateLine(box: ResidentSandbox): StateLine {
  const [pid, port, token = "", proof = "", build = ""] = fs.readFileSync(box.stateFile, "utf8").trim().split(" ");
  return { pid: Number(pid), port: Number(port), token, proof, build };
}

/** Rewrites the state file as a server would (one line, replaced in one rename), with some fields changed. */
export function writeStateLine(box: ResidentSandbox, change: Partial<StateLine>): void {
  const s = { ...readStateLine(box), ...change };
  const tmp = `${box.stateFile}.test.tmp`;
  fs.writeFileSync(tmp, `${s.pid} ${s.port} ${s.token} ${s.proof} ${s.build}\n`, { mode: 0o600 });
  fs.renameSync(tmp, box.stateFile);
}

export function runWarden(args: string[], box: ResidentSandbox): Promise<ProcessResult> {
  return runProcess(process.execPath, [CLI, ...args], "", box.env, box.project);
}

/** `warden server start --json`, which must succeed; its JSON answer. */
export async function startServer(box: ResidentSandbox): Promise<{ action: string; pid: number; current: boolean }> {
  const result = await runWarden(["server", "start", "--json"], box);
  if (result.code !== 0) throw new Error(`warden server start failed (${result.code}): ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The environment Claude Code gives a hook of this session. */
const claudeEnv = (box: ResidentSandbox, sessionId: string): Record<string, string> => ({
  ...box.env,
  CLAUDECODE: "1",
  CLAUDE_CODE_SESSION_ID: sessionId,
  CLAUDE_CODE_CHILD_SESSION: "1",
});

const sessionOf = (payload: unknown): string =>
  payload != null && typeof payload === "object" && "session_id" in payload ? String(payload.session_id) : "";

export interface TimedResult extends ProcessResult {
  readonly ms: number;
}

/** One call of the bash client, as Claude Code makes it; how long it took. */
export async function runClient(hook: HookName, payload: unknown, box: ResidentSandbox): Promise<TimedResult> {
  const started = performance.now();
  const result = await runProcess(
    "bash",
    [path.join(HOOKS_DIR, "resident-hook.bash"), hook],
    JSON.stringify(payload),
    claudeEnv(box, sessionOf(payload)),
    box.project,
  );
  return { ...result, ms: performance.now() - started };
}

/** The SessionStart hook as resident wiring runs it: `node hooks/session-start.mjs --server`. */
export function runSessionStart(payload: unknown, box: ResidentSandbox): Promise<ProcessResult> {
  return runProcess(
    process.execPath,
    [path.join(HOOKS_DIR, "session-start.mjs"), "--server"],
    JSON.stringify(payload),
    claudeEnv(box, sessionOf(payload)),
    box.project,
  );
}

export const sessionRecords = (box: Sandbox, sessionId: string): Array<Record<string, unknown>> =>
  readJsonl(path.join(box.wardenDir, "sessions", `${sessionId}.jsonl`));

export interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface HttpCall {
  readonly method?: string;
  readonly path: string;
  /** Sent as given: no Host or Content-Length is added that is not here. */
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** One real HTTP request to 127.0.0.1:port; the answer once it has ended (or the server closed). */
export function request(port: number, call: HttpCall): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method: call.method ?? "GET", path: call.path, headers: call.headers, setHost: false, agent: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (call.body != null) req.end(call.body);
    // Headers only (a declared body that never comes): the server must judge the call by them.
    else req.flushHeaders();
  });
}

/** `GET /v1/health` with the state's token, as `warden server status` asks it. */
export async function healthOf(state: StateLine): Promise<{ pid: number; build: string; served: number }> {
  const answer = await request(state.port, {
    path: "/v1/health",
    headers: { host: `127.0.0.1:${state.port}`, authorization: `Bearer ${state.token}` },
  });
  if (answer.status !== 200) throw new Error(`health answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body);
}

/**
 * The live server processes of this sandbox: node running a server.mjs in the server folder (the
 * server's cwd), whoever started them. A zombie has no cwd left and is not counted.
 */
export function serverProcesses(box: ResidentSandbox): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readlinkSync(`/proc/${name}/cwd`) !== box.serverDir) continue;
      if (
        fs
          .readFileSync(`/proc/${name}/cmdline`, "utf8")
          .split("\0")
          .some((arg) => arg.endsWith("server.mjs"))
      )
        pids.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

export const signal = (pid: number, name: NodeJS.Signals): void => {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
};

/** Waits until the process is gone or a zombie (dead, waiting for its reaper). */
export async function waitForDeath(pid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`process ${pid} still alive after ${timeoutMs} ms`);
}

/**
 * Stops whatever server this sandbox has: `warden server stop`, then SIGKILL for any server
 * process left in its folder (stopped, stalled or orphaned), and the other processes given.
 */
export async function stopEverything(box: ResidentSandbox, others: readonly ChildProcess[] = []): Promise<void> {
  // A stopped server cannot die of SIGTERM: let it run again first.
  for (const pid of serverProcesses(box)) signal(pid, "SIGCONT");
  await runWarden(["server", "stop"], box);
  const left = [...serverProcesses(box), ...others.map((child) => child.pid).filter((pid) => pid != null)];
  for (const pid of left) signal(pid, "SIGKILL");
  await Promise.all(left.map((pid) => waitForDeath(pid)));
}

/** A plain Node HTTP server (not Warden's) on a port; it logs each request it gets on stdout. */
export interface FakeServer {
  readonly child: ChildProcess;
  readonly pid: number;
  /** The request lines it received so far (`POST /v1/hook/post-tool-guard`). */
  readonly requests: string[];
}

/**
 * Starts a fake that answers every request 200 with `body`, plus an `X-Warden-Proof` header when
 * a proof is given: a process that took the port of a dead server, or one that lies about it.
 */
export function startFakeServer(port: number, body: string, proof?: string): Promise<FakeServer> {
  const script = `
    const http = require("node:http");
    const [port, body, proof] = process.argv.slice(1);
    http.createServer((req, res) => {
      process.stdout.write("request " + req.method + " " + req.url + "\\n");
      req.resume();
      const headers = { "content-type": "application/json", connection: "close" };
      if (proof) headers["x-warden-proof"] = proof;
      res.writeHead(200, headers);
      res.end(body);
    }).listen({ host: "127.0.0.1", port: Number(port) }, () => process.stdout.write("listening\\n"));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script, String(port), body, proof ?? ""], { stdio: ["ignore", "pipe", "pipe"] });
    const requests: string[] = [];
    let stderr = "";
    let pending = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "listening" && child.pid != null) resolve({ child, pid: child.pid, requests });
        else if (line.startsWith("request ")) requests.push(line.slice("request ".length));
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the fake server exited (${code}) before listening: ${stderr}`)));
  });
}

/**
 * A server of another build, as one left running across an update: a copy of hooks/server.mjs
 * that differs by a comment (so by its hash), started detached in the sandbox's server folder.
 * It writes its own state file, naming its own build. Resolves once it is listening.
 */
export async function startOlderBuildServer(box: ResidentSandbox): Promise<StateLine> {
  const oldHooks = path.join(path.dirname(box.project), "old-hooks");
  fs.mkdirSync(oldHooks);
  fs.mkdirSync(box.serverDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(
    path.join(oldHooks, "server.mjs"),
    `${fs.readFileSync(path.join(HOOKS_DIR, "server.mjs"), "utf8")}\n// an older build\n`,
  );
  const child = spawn(process.execPath, [path.join(oldHooks, "server.mjs")], {
    env: box.env,
    cwd: box.serverDir,
    detached: true,
    stdio: "ignore",
  });
  child.unref();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(box.stateFile) && readStateLine(box).pid === child.pid) return readStateLine(box);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the older build's server (pid ${child.pid}) did not write its state within 20 s`);
}
