import { describe, expect, it } from "vitest";
import type { CliIo } from "./cli-io.js";
import { COMMANDS } from "./commands.js";
import { runCli } from "./run-cli.js";

/** A world where nothing is read: these tests only look at what the frame prints. */
function fakeIo(version?: string) {
  const io = {
    cwd: "/nonexistent",
    env: {},
    hooksDir: "/nonexistent/hooks",
    isTty: false,
    stdout: "",
    stderr: "",
    out: (text: string) => {
      io.stdout += `${text}\n`;
    },
    err: (text: string) => {
      io.stderr += `${text}\n`;
    },
    ...(version == null ? {} : { version }),
  } satisfies CliIo & { stdout: string; stderr: string };
  return io;
}

describe("every command's --help", () => {
  const cases = COMMANDS.flatMap((command) => Object.keys(command.options).map((option) => [command.name, option] as const));

  it.each(cases)("warden %s --help lists --%s", async (name, option) => {
    const io = fakeIo();
    const code = await runCli([name, "--help"], io);
    expect([code, io.stdout]).toEqual([0, expect.stringMatching(new RegExp(`^ {2}(-\\w, )?--${option}\\b.* \\S`, "m"))]);
  });

  it.each(COMMANDS.map((c) => c.name))("warden %s --help gives the exit statuses", async (name) => {
    const io = fakeIo();
    await runCli([name, "--help"], io);
    expect(io.stdout).toMatch(/^exit status: 0 .*2 usage error, 3 could not do the job/m);
  });

  it.each(COMMANDS.map((c) => c.name))("warden %s takes --json", (name) => {
    expect(COMMANDS.find((c) => c.name === name)?.options.json).toBeDefined();
  });
});

describe("--version", () => {
  it("prints the version the bundle was built with", async () => {
    const io = fakeIo("1.2.3");
    expect([await runCli(["--version"], io), io.stdout]).toEqual([0, "warden 1.2.3\n"]);
  });

  it("prints it as JSON with --json", async () => {
    const io = fakeIo("1.2.3");
    expect([await runCli(["--json", "--version"], io), JSON.parse(io.stdout)]).toEqual([0, { version: "1.2.3" }]);
  });

  it("says when it runs from the sources, not a build", async () => {
    const io = fakeIo();
    await runCli(["--version"], io);
    expect(io.stdout).toBe("warden unknown (not built: run pnpm build)\n");
  });
});
