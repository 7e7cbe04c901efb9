import path from "node:path";
import readline from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { runCli } from "./run-cli.js";

/** The root package.json's version, written in by scripts/bundle-cli.mjs (esbuild's define). */
declare const WARDEN_VERSION: string;

// The bundle is hooks/warden.mjs, beside the hooks it wires (in a checkout or an installed plugin).
const hooksDir = path.dirname(fileURLToPath(import.meta.url));

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
  version: WARDEN_VERSION,
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
