import path from "node:path";
import readline from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { runCli } from "./run-cli.js";

// The bundle lives in packages/cli/dist; the hooks it wires are the repository's hooks/.
const hooksDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../hooks");

// A reader that stops early (`warden show x | head`) closes the pipe: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.env.INIT_CWD || process.cwd(),
  env: process.env,
  hooksDir,
  isTty: Boolean(process.stdout.isTTY),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  ...(process.stdin.isTTY ? { confirm: confirmOnTerminal } : {}),
});

/** The question on stderr (stdout may be piped), the answer from stdin; end of input (Ctrl-D) is no. */
async function confirmOnTerminal(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `).catch(() => "");
    return /^y(?:es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
