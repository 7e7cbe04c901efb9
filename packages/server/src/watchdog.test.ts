import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WATCHDOG = fileURLToPath(new URL("./watchdog.ts", import.meta.url));

describe("startWatchdog", () => {
  it("removes the state file and kills the process when its event loop is stuck", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-watchdog-"));
    const stateFile = path.join(dir, "server.state");
    // A process that announces itself, starts the watchdog, then blocks its event loop for good.
    const script = `
      import fs from "node:fs";
      import { startWatchdog } from ${JSON.stringify(WATCHDOG)};
      fs.writeFileSync(${JSON.stringify(stateFile)}, process.pid + " 1 t p b\\n");
      startWatchdog(${JSON.stringify(stateFile)}, process.pid, 600, () => {});
      setTimeout(() => { for (;;) {} }, 100);
    `;
    const entry = path.join(dir, "stuck-server.mjs");
    fs.writeFileSync(entry, script);
    const child = spawn(process.execPath, ["--import", "tsx", entry], { stdio: "ignore" });
    // Were the watchdog to fail, the stuck child must not outlive the test (the state file then stays).
    const backstop = setTimeout(() => child.kill("SIGKILL"), 10_000);
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, sig) => resolve(sig)));
    clearTimeout(backstop);
    expect([signal, fs.existsSync(stateFile)]).toEqual(["SIGKILL", false]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 20_000);
});
