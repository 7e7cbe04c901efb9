import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as p from "../support/payloads.js";
import {
  healthOf,
  makeResidentSandbox,
  readStateLine,
  request,
  runClient,
  runWarden,
  sessionRecords,
  startServer,
  serverProcesses,
  stopEverything,
  waitForDeath,
  writeStateLine,
  type ResidentSandbox,
  type StateLine,
} from "../support/resident.js";

/**
 * The resident server as its clients meet it: started by `warden server start`, reached by the
 * real bash client and by plain HTTP requests, its records read back from the project.
 */

let box: ResidentSandbox;
beforeEach(() => {
  box = makeResidentSandbox();
});
afterEach(async () => {
  await stopEverything(box);
  box.cleanup();
});

const SESSION = "5e55a000-0000-4000-8000-000000000001";
const rmHome = (cwd: string) => p.preToolUse({ sessionId: SESSION, cwd }, "Bash", p.bashInput("rm -rf ~"), "toolu_rm_home");

describe("a PreToolUse served by the resident server", () => {
  it("denies `rm -rf ~`: the deny JSON and nothing else on stdout", async () => {
    await startServer(box);
    const result = await runClient("post-tool-guard", rmHome(box.project), box);
    const lines = result.stdout.split("\n");
    expect([result.code, lines.length, lines[1]]).toEqual([0, 2, ""]);
    expect(JSON.parse(lines[0] ?? "").hookSpecificOutput).toMatchObject({ hookEventName: "PreToolUse", permissionDecision: "deny" });
  });

  it("records `rm -rf ~` as blocked", async () => {
    await startServer(box);
    await runClient("post-tool-guard", rmHome(box.project), box);
    const events = sessionRecords(box, SESSION).filter((r) => r.type === "event");
    expect(events.map((e) => [e.tool_use_id, e.verdict, e.outcome])).toEqual([["toolu_rm_home", "blocked", "blocked"]]);
  });

  it("is served by the server: its count of calls served goes from 0 to 1", async () => {
    await startServer(box);
    const state = readStateLine(box);
    const before = await healthOf(state);
    await runClient("post-tool-guard", rmHome(box.project), box);
    expect([before.served, (await healthOf(state)).served]).toEqual([0, 1]);
  });
});

describe.each([
  ["10 KiB", 10 * 1024],
  ["200 KiB (written in the background)", 200 * 1024],
])("a PostToolUse of %s through the server", (_size, bytes) => {
  it("is served, and recorded once", async () => {
    await startServer(box);
    const state = readStateLine(box);
    const input = p.bashInput("cat big.txt");
    const output = "x".repeat(bytes);
    const at = { sessionId: SESSION, cwd: box.project };
    await runClient("post-tool-guard", p.preToolUse(at, "Bash", input, "toolu_big"), box);
    await runClient("post-tool-guard", p.postToolUse(at, "Bash", input, p.bashResponse(output), "toolu_big"), box);
    const events = sessionRecords(box, SESSION).filter((r) => r.type === "event");
    expect([(await healthOf(state)).served, events.map((e) => [e.tool_use_id, e.outcome])]).toEqual([2, [["toolu_big", "completed"]]]);
  });
});

describe("a server whose state file now names another server", () => {
  it("stops by itself: no client would call it any more", async () => {
    const { pid } = await startServer(box);
    // What ensureServer leaves when it started a new server beside one that did not answer.
    writeStateLine(box, { pid: pid + 1 });
    await waitForDeath(pid, 10_000);
    expect(serverProcesses(box)).toEqual([]);
  }, 20_000);
});

describe("warden server status --json", () => {
  it("tells a running server's pid and url, exit 0", async () => {
    const started = await startServer(box);
    const result = await runWarden(["server", "status", "--json"], box);
    const state = readStateLine(box);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      0,
      expect.objectContaining({ running: true, pid: started.pid, url: `http://127.0.0.1:${state.port}`, current: true }),
    ]);
  });

  it("after `warden server stop` says running false, exit 1", async () => {
    await startServer(box);
    await runWarden(["server", "stop"], box);
    const result = await runWarden(["server", "status", "--json"], box);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([1, expect.objectContaining({ running: false, pid: null, url: null })]);
  });
});

/** The headers every check lets through; each row below changes one thing. */
const health = (s: StateLine): Record<string, string> => ({ host: `127.0.0.1:${s.port}`, authorization: `Bearer ${s.token}` });
const hookPost = (s: StateLine, contentLength: string) => ({
  method: "POST",
  path: "/v1/hook/post-tool-guard",
  headers: { ...health(s), "content-type": "application/json", "content-length": contentLength },
});

/**
 * A call as Claude Code's `"type": "http"` hooks make it (no X-Warden-Stream): the answer is the
 * decision alone, as one JSON object, which is what such a hook reads.
 */
describe("a call in the form of Claude Code's http hooks", () => {
  const post = (s: StateLine, payload: unknown) => {
    const body = JSON.stringify(payload);
    return request(s.port, { ...hookPost(s, String(Buffer.byteLength(body))), body });
  };

  it("answers `rm -rf ~` with the deny as one JSON object", async () => {
    await startServer(box);
    const answer = await post(readStateLine(box), rmHome(box.project));
    expect([answer.status, answer.headers["content-type"], JSON.parse(answer.body).hookSpecificOutput?.permissionDecision]).toEqual([
      200,
      "application/json",
      "deny",
    ]);
  });

  it("answers a harmless call with an empty object", async () => {
    await startServer(box);
    const ls = p.preToolUse({ sessionId: SESSION, cwd: box.project }, "Bash", p.bashInput("ls -la"), "toolu_ls");
    const answer = await post(readStateLine(box), ls);
    expect([answer.status, answer.body]).toEqual([200, "{}"]);
  });

  it("records the call", async () => {
    await startServer(box);
    const state = readStateLine(box);
    await post(state, rmHome(box.project));
    // The answer goes out before the record: the health answer comes after the call was dealt with.
    await healthOf(state);
    const events = sessionRecords(box, SESSION).filter((r) => r.type === "event");
    expect(events.map((e) => [e.tool_use_id, e.verdict])).toEqual([["toolu_rm_home", "blocked"]]);
  });
});

describe("the server's HTTP boundary", () => {
  it.each([
    ["no token", 401, (s: StateLine) => ({ path: "/v1/health", headers: { host: `127.0.0.1:${s.port}` } })],
    [
      "a wrong token",
      401,
      (s: StateLine) => ({ path: "/v1/health", headers: { ...health(s), authorization: `Bearer ${"x".repeat(32)}` } }),
    ],
    ["an Origin header", 403, (s: StateLine) => ({ path: "/v1/health", headers: { ...health(s), origin: "http://localhost:3000" } })],
    [
      "a Host other than its address",
      421,
      (s: StateLine) => ({ path: "/v1/health", headers: { ...health(s), host: `localhost:${s.port}` } }),
    ],
    // The header alone: the server must refuse before reading (or allocating) 64 MiB.
    ["a Content-Length over 64 MiB", 413, (s: StateLine) => hookPost(s, String(64 * 1024 * 1024 + 1))],
    ["an unknown path", 404, (s: StateLine) => ({ path: "/v1/hook/rm-everything", method: "POST", headers: health(s), body: "{}" })],
  ])("answers a request with %s %i", async (_what, status, call) => {
    await startServer(box);
    const answer = await request(readStateLine(box).port, call(readStateLine(box)));
    expect(answer.status).toBe(status);
  });

  it("answers a well-formed health request 200 with the proof, so the refusals above are the checks' own", async () => {
    await startServer(box);
    const state = readStateLine(box);
    const answer = await request(state.port, { path: "/v1/health", headers: health(state) });
    expect([answer.status, answer.headers["x-warden-proof"]]).toEqual([200, state.proof]);
  });
});
