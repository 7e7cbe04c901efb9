import path from "node:path";
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
});
