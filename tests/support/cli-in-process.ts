import { runCli, type CliIo } from "@warden/cli";
import { HOOKS_DIR, type ProcessResult, type Sandbox } from "./hook-process.js";

/** Where the command runs, when not in the sandbox's project with its environment. */
export interface CliWorld {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
}

/**
 * `warden ARGS` run in this process through `runCli`, in the sandbox's project with its environment
 * (HOME included) and `stdin` as its standard input: the result `runCliProcess` would give, without
 * starting the built CLI. stdout is not a terminal, as for a spawned CLI.
 */
export async function runCliInProcess(args: string[], sandbox: Sandbox, stdin = "", world: CliWorld = {}): Promise<ProcessResult> {
  let stdout = "";
  let stderr = "";
  // `warden scan` reads stdin through `readStdin` when its io has one (its ScanIo), else process.stdin.
  const io: CliIo & { readonly readStdin: () => Promise<string> } = {
    cwd: world.cwd ?? sandbox.project,
    env: world.env ?? sandbox.env,
    hooksDir: HOOKS_DIR,
    isTty: false,
    out: (text) => {
      stdout += `${text}\n`;
    },
    err: (text) => {
      stderr += `${text}\n`;
    },
    readStdin: () => Promise.resolve(stdin),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
