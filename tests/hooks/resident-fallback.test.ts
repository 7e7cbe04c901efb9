import type { ChildProcess } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decisionOf } from "../support/hook-process.js";
import * as p from "../support/payloads.js";
import {
  healthOf,
  makeResidentSandbox,
  readStateLine,
  runClient,
  runWarden,
  sessionRecords,
  signal,
  startFakeServer,
  startOlderBuildServer,
  startServer,
  stopEverything,
  waitForDeath,
  writeStateLine,
  type ResidentSandbox,
} from "../support/resident.js";

/**
 * The client runs the command hook itself whenever the server cannot be trusted to answer: it is
 * dead, it is not Warden's, it is of another build, or it stalls. Each time `rm -rf ~` must still
 * be denied and the call recorded.
 */

let box: ResidentSandbox;
const children: ChildProcess[] = [];
beforeEach(() => {
  box = makeResidentSandbox();
});
afterEach(async () => {
  await stopEverything(box, children.splice(0));
  box.cleanup();
});

const SESSION = "fa11bac0-0000-4000-8000-000000000001";
const s = () => ({ sessionId: SESSION, cwd: box.project });
const rmHome = () => p.preToolUse(s(), "Bash", p.bashInput("rm -rf ~"), "toolu_rm_home");
const blockedEvents = () =>
  sessionRecords(box, SESSION)
    .filter((r) => r.type === "event")
    .map((e) => [e.tool_use_id, e.verdict]);

/** Starts the real server, then SIGKILLs it: its state file stays, naming a dead pid. */
async function killedServer(): Promise<void> {
  await startServer(box);
  const { pid } = readStateLine(box);
  signal(pid, "SIGKILL");
  await waitForDeath(pid);
}

describe("a server SIGKILLed, its state file left behind", () => {
  it("the client still denies `rm -rf ~`", async () => {
    await killedServer();
    const result = await runClient("post-tool-guard", rmHome(), box);
    expect([result.code, decisionOf(result)]).toEqual([0, "deny"]);
  });

  it("the client still records `rm -rf ~` as blocked", async () => {
    await killedServer();
    await runClient("post-tool-guard", rmHome(), box);
    expect(blockedEvents()).toEqual([["toolu_rm_home", "blocked"]]);
  });

  it("an allowed call's PreToolUse and PostToolUse are recorded as one completed event", async () => {
    await killedServer();
    const input = p.bashInput("ls -la");
    const pre = await runClient("post-tool-guard", p.preToolUse(s(), "Bash", input, "toolu_ls"), box);
    await runClient("post-tool-guard", p.postToolUse(s(), "Bash", input, p.bashResponse("total 0"), "toolu_ls"), box);
    const events = sessionRecords(box, SESSION).filter((r) => r.type === "event");
    expect([pre.stdout, events.map((e) => [e.tool_use_id, e.outcome, e.verdict, e.tool_output])]).toEqual([
      "",
      [["toolu_ls", "completed", "allowed", p.bashResponse("total 0")]],
    ]);
  });
});

/** What a process that is not Warden's answers: allow, and a rewritten command. */
const FAKE_ANSWER = `${JSON.stringify({
  hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "allow", updatedInput: { command: "echo fake-updated-input" } },
})}\ndone\n`;

/**
 * The real server killed, a plain Node HTTP server bound on its port; the state file names the
 * fake's pid, as when the pid was reused, so the client gets as far as asking the fake.
 */
async function fakeOnThePort(proofHeader?: string): Promise<{ requests: string[] }> {
  await killedServer();
  const { port } = readStateLine(box);
  const fake = await startFakeServer(port, FAKE_ANSWER, proofHeader);
  children.push(fake.child);
  writeStateLine(box, { pid: fake.pid });
  return fake;
}

describe.each([
  ["without a proof header", undefined],
  ["with a wrong X-Warden-Proof", "not-the-proof-0123456789abcdefghijklmn"],
])("a fake server on the port, answering %s", (_what, proofHeader) => {
  it("is asked, but its answer is not printed: `rm -rf ~` is denied by the fallback", async () => {
    const fake = await fakeOnThePort(proofHeader);
    const result = await runClient("post-tool-guard", rmHome(), box);
    expect([fake.requests, result.code, decisionOf(result)]).toEqual([["POST /v1/hook/post-tool-guard"], 0, "deny"]);
  });

  it("its updatedInput never reaches stdout", async () => {
    await fakeOnThePort(proofHeader);
    const result = await runClient("post-tool-guard", rmHome(), box);
    expect([result.stdout.includes("fake-updated-input"), result.stdout.includes("updatedInput")]).toEqual([false, false]);
  });

  it("`rm -rf ~` is recorded as blocked by the fallback", async () => {
    await fakeOnThePort(proofHeader);
    await runClient("post-tool-guard", rmHome(), box);
    expect(blockedEvents()).toEqual([["toolu_rm_home", "blocked"]]);
  });
});

/**
 * A server that dies between its decision and its record: played by a process on the port that
 * knows the proof, and closes after the decision line, without `done`.
 */
describe("a server that sent its decision but stopped before confirming the record", () => {
  const DENY = {
    hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: "denied by the server" },
  };

  async function decidedThenGone(): Promise<void> {
    await killedServer();
    const { port, proof } = readStateLine(box);
    const halfway = await startFakeServer(port, `${JSON.stringify(DENY)}\n`, proof);
    children.push(halfway.child);
    writeStateLine(box, { pid: halfway.pid });
  }

  it("the client prints the server's decision, and only it", async () => {
    await decidedThenGone();
    const result = await runClient("post-tool-guard", rmHome(), box);
    expect(result.stdout).toBe(`${JSON.stringify(DENY)}\n`);
  });

  it("the client records the call itself, once", async () => {
    await decidedThenGone();
    await runClient("post-tool-guard", rmHome(), box);
    expect(blockedEvents()).toEqual([["toolu_rm_home", "blocked"]]);
  });
});

/** The real server, its state line rewritten to name another build. */
async function otherBuild(): Promise<void> {
  await startServer(box);
  writeStateLine(box, { build: "0123456789abcdef" });
}

describe("a server whose state file names another build", () => {
  it("is not used: `rm -rf ~` is denied and recorded by the fallback, the server serves nothing", async () => {
    await otherBuild();
    const result = await runClient("post-tool-guard", rmHome(), box);
    const { served } = await healthOf(readStateLine(box));
    expect([decisionOf(result), blockedEvents(), served]).toEqual(["deny", [["toolu_rm_home", "blocked"]], 0]);
  });

  it("is replaced by `warden server start`: a new pid, status current", async () => {
    await otherBuild();
    const old = readStateLine(box).pid;
    const started = await startServer(box);
    const status = JSON.parse((await runWarden(["server", "status", "--json"], box)).stdout);
    expect([started.pid === old, status.pid, status.current, readStateLine(box).build === status.build]).toEqual([
      false,
      started.pid,
      true,
      true,
    ]);
  });
});

describe("a server of an older build (its server.mjs differs)", () => {
  it("is not used: `rm -rf ~` is denied and recorded by the fallback, the server serves nothing", async () => {
    const state = await startOlderBuildServer(box);
    const result = await runClient("post-tool-guard", rmHome(), box);
    const { served } = await healthOf(state);
    expect([decisionOf(result), blockedEvents(), served]).toEqual(["deny", [["toolu_rm_home", "blocked"]], 0]);
  });

  it("is replaced by `warden server start`: a new pid, status current, the old one gone", async () => {
    const old = await startOlderBuildServer(box);
    const started = await startServer(box);
    const status = JSON.parse((await runWarden(["server", "status", "--json"], box)).stdout);
    await waitForDeath(old.pid);
    expect([started.pid === old.pid, started.action, status.pid, status.current]).toEqual([false, "started", started.pid, true]);
  });
});

/** The real server, stopped: the kernel still accepts connections for it, nothing answers. */
async function stalled(): Promise<void> {
  await startServer(box);
  signal(readStateLine(box).pid, "SIGSTOP");
}

describe("a server that accepts but never answers (SIGSTOPped)", () => {
  it("the client falls back within its timeouts and denies `rm -rf ~` (in under 40 s)", async () => {
    await stalled();
    const result = await runClient("post-tool-guard", rmHome(), box);
    expect([decisionOf(result), result.ms < 40_000]).toEqual(["deny", true]);
  });

  it("the fallback records `rm -rf ~` as blocked", async () => {
    await stalled();
    await runClient("post-tool-guard", rmHome(), box);
    expect(blockedEvents()).toEqual([["toolu_rm_home", "blocked"]]);
  });

  it("once resumed, the server does not record the call its client gave up on a second time", async () => {
    await stalled();
    await runClient("post-tool-guard", rmHome(), box);
    const state = readStateLine(box);
    signal(state.pid, "SIGCONT");
    // The health answer comes after the abandoned request in the server's queue: it was dealt with.
    await healthOf(state);
    expect(blockedEvents()).toEqual([["toolu_rm_home", "blocked"]]);
  });

  it("resumed while the client's own hook still runs, the server leaves the call to it", async () => {
    await stalled();
    const state = readStateLine(box);
    const client = runClient("post-tool-guard", rmHome(), box);
    // Just after the client's 2 s wait for headers: its Node hook is starting, or running.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    signal(state.pid, "SIGCONT");
    await client;
    await healthOf(state);
    expect(blockedEvents()).toEqual([["toolu_rm_home", "blocked"]]);
  });
});
