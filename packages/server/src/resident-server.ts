import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type GuardFactories,
  type HookHandlers,
  type HookIo,
  type HookWorld,
  meaningfulPid,
  parsePid,
  PROOF_HEADER,
  runHook,
  sameSecret,
  type ServerState,
} from "@warden/core";

/** A hook the server serves: the same handlers (and guard) as the command hook of that name. */
export interface ServedHook {
  readonly handlers: HookHandlers;
  readonly guard?: GuardFactories;
}

export interface ResidentServerOptions {
  readonly hooks: Readonly<Record<string, ServedHook>>;
  readonly state: Pick<ServerState, "token" | "proof" | "build" | "pid" | "port">;
  /** The world every call starts from; each request adds its session's variables and Claude Code's pid. */
  readonly world: HookWorld;
  readonly startedAt: string;
  /** A payload larger than this is refused (413): its client then runs the hook itself. */
  readonly maxPayloadBytes: number;
  readonly log: (line: string) => void;
}

/**
 * The variables of the session that sent a call (its project, its data dir) travel as headers,
 * since one server serves every session of the user; everything else comes from the server's
 * own environment. Header values are bytes: a path in UTF-8 arrives as Latin-1 and is decoded back.
 */
const FORWARDED_ENV = { "x-claude-project-dir": "CLAUDE_PROJECT_DIR", "x-warden-dir": "WARDEN_DIR" } as const;

/**
 * Answers the hook client (hooks/resident-hook.bash) and `warden server status`:
 * - `GET /v1/health`: pid, build, start time, calls served.
 * - `POST /v1/hook/<hook>`: the body is the hook payload. With `X-Warden-Stream: 1` (the hook
 *   client) the reply streams as two lines, the decision (a JSON object, or empty) as soon as it is
 *   made, then `done` once it is recorded; a client that saw the decision but not `done` prints the
 *   decision and records the call itself. Without it the reply is what Claude Code's `"type": "http"`
 *   hooks read: the decision as one JSON object (`{}` for none), sent before the call is recorded.
 * Every answer to an authenticated request carries the proof, so a client can tell Warden's server
 * from whatever else holds the port; a refusal does not. Only loopback, only with the token, never
 * a browser (no Origin, Host must be the address).
 */
export function createResidentServer(options: ResidentServerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  let served = 0;
  const host = `127.0.0.1:${options.state.port}`;
  return (req, res) => {
    const refusal = refuse(req, options, host);
    if (refusal != null) {
      res.writeHead(refusal.status, { "content-type": "text/plain", connection: "close" }).end(`${refusal.message}\n`);
      req.resume();
      return;
    }
    const headers = { [PROOF_HEADER]: options.state.proof, "x-warden-build": options.state.build, connection: "close" };
    const url = req.url ?? "";
    if (req.method === "GET" && url === "/v1/health") {
      const health = { pid: options.state.pid, build: options.state.build, started_at: options.startedAt, served };
      res.writeHead(200, { ...headers, "content-type": "application/json" }).end(JSON.stringify(health));
      return;
    }
    const hookName = /^\/v1\/hook\/([a-z-]+)$/.exec(url)?.[1];
    const hook = hookName == null ? undefined : options.hooks[hookName];
    if (req.method !== "POST" || hookName == null || hook == null) {
      res.writeHead(404, { ...headers, "content-type": "text/plain" }).end(`no such endpoint: ${req.method} ${url}\n`);
      req.resume();
      return;
    }
    const declared = Number(req.headers["content-length"]);
    if (!Number.isSafeInteger(declared) || declared > options.maxPayloadBytes) {
      res
        .writeHead(413, { ...headers, "content-type": "text/plain" })
        .end(`a payload needs a Content-Length of at most ${options.maxPayloadBytes} bytes\n`);
      req.resume();
      return;
    }
    // The proof goes out at once: the client knows within a round trip that Warden's server has its call.
    const streaming = req.headers["x-warden-stream"] === "1";
    res.writeHead(200, { ...headers, "content-type": streaming ? "text/plain" : "application/json" });
    res.flushHeaders();
    readBody(req, declared).then(
      async (body) => {
        served++;
        await serveCall(hookName, hook, body, req, res, options, streaming);
      },
      (error: unknown) => {
        options.log(`request body not read: ${error instanceof Error ? error.message : String(error)}`);
        res.destroy();
      },
    );
  };
}

function refuse(req: IncomingMessage, options: ResidentServerOptions, host: string): { status: number; message: string } | undefined {
  const remote = req.socket.remoteAddress;
  if (remote !== "127.0.0.1" && remote !== "::ffff:127.0.0.1") return { status: 403, message: "loopback only" };
  if (req.headers.origin != null) return { status: 403, message: "not for browsers" };
  if (req.headers.host !== host) return { status: 421, message: `this server answers only as ${host}` };
  const auth = req.headers.authorization ?? "";
  const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
  if (!sameSecret(token, options.state.token)) return { status: 401, message: "a valid token is required" };
  return undefined;
}

function readBody(req: IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > length) req.destroy(new Error(`body longer than its Content-Length (${length})`));
      else chunks.push(chunk);
    });
    req.on("end", () =>
      size === length ? resolve(Buffer.concat(chunks).toString("utf8")) : reject(new Error(`body of ${size} bytes, ${length} declared`)),
    );
    req.on("error", reject);
  });
}

async function serveCall(
  hookName: string,
  hook: ServedHook,
  body: string,
  req: IncomingMessage,
  res: ServerResponse,
  options: ResidentServerOptions,
  streaming: boolean,
): Promise<void> {
  // The client closes its end only when done, or when it gave up waiting (it then runs the hook
  // itself): a call it gave up on must not be recorded here too. A server that was stopped or busy
  // finds the request and the client's close together: the close is read on the loop's next poll.
  let clientGone = req.socket.readableEnded || req.socket.destroyed;
  req.socket.once("end", () => (clientGone = true)).once("close", () => (clientGone = true));
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  if (clientGone) {
    options.log(`${hookName}: the client gave up before the call was served; it runs the hook itself`);
    res.destroy();
    return;
  }
  let decision = "";
  let sent = false;
  const sendDecision = (): boolean => {
    if (!sent) {
      sent = true;
      // One line: runHook prints at most one JSON object, which JSON.stringify keeps on one line.
      if (streaming) res.write(`${decision.trim()}\n`);
      else res.end(decision.trim() === "" ? "{}" : decision.trim());
    }
    // A Claude Code http hook has no fallback that would record the call: it is always recorded here.
    return !streaming || !clientGone;
  };
  const io: HookIo = {
    ...options.world,
    env: { ...options.world.env, ...forwardedEnv(req) },
    claudePid: meaningfulPid(parsePid(singleHeader(req.headers["x-claude-pid"]))),
    readStdin: () => Promise.resolve({ text: body }),
    writeStdout: (text) => {
      decision += text;
    },
    writeStderr: (text) => options.log(`${hookName}: ${text.trim()}`),
    cwd: () => options.world.home,
    decided: sendDecision,
  };
  try {
    await runHook(hookName, hook.handlers, hook.guard, io);
  } finally {
    sendDecision();
    if (streaming) res.end("done\n");
  }
}

function forwardedEnv(req: IncomingMessage): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [header, name] of Object.entries(FORWARDED_ENV)) {
    const value = req.headers[header];
    env[name] = typeof value === "string" && value !== "" ? Buffer.from(value, "latin1").toString("utf8") : undefined;
  }
  return env;
}

const singleHeader = (value: string | string[] | undefined): string | undefined => (typeof value === "string" ? value : undefined);
