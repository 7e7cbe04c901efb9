import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInjectionScanner, injectionOptionsFromConfig, loadWardenConfig, parseSeverity } from "@warden/core";
import { CliUsageError, type CliIo } from "../cli-io.js";
import { parseCommand } from "../parse-command.js";
import { runScanCommand, type ScanInput } from "./scan-report.js";

export const SCAN_USAGE = `usage: warden scan [FILE... | -] [--min-severity low|medium|high|critical] [--json] [--project DIR]
  scans text for prompt injection as the guard hook would, with the project's and user's
  \`injection\` config (warn level, extra rule files, the LLM tier when configured); prints each
  finding's rule, severity, offsets, matched form and excerpt. FILE "-" or none reads stdin.
  exit code 1 when a finding reaches --min-severity, 0 when none does, 2 on error
  --min-severity S  the least severity that fails the scan (default: the config's warn_at, else medium)
  --project DIR     the project (default: the cwd); its .claude/warden.json applies
  --json            machine-readable output`;

/** The world `warden scan` needs beyond CliIo: stdin, read completely. */
export interface ScanIo extends CliIo {
  readonly readStdin?: () => Promise<string>;
}

/** Scans files or stdin with the guard's rules; 1 when something at or above the threshold was found. */
export async function runScan(argv: string[], io: ScanIo): Promise<number> {
  const options = { "min-severity": { type: "string" }, project: { type: "string" }, json: { type: "boolean" } } as const;
  const { values, positionals } = parseCommand(argv, options, SCAN_USAGE, Number.POSITIVE_INFINITY);
  // Checked before anything is read, so a bad option never waits on stdin.
  if (values["min-severity"] != null && parseSeverity(values["min-severity"]) == null) {
    throw new CliUsageError(
      `--min-severity ${JSON.stringify(values["min-severity"])} is not one of low, medium, high, critical\n${SCAN_USAGE}`,
    );
  }
  const projectDir = path.resolve(io.cwd, values.project ?? ".");
  const home = io.env.HOME || os.homedir();
  const config = loadWardenConfig(projectDir, home);
  for (const error of config.errors) io.err(`warden scan: config ignored: ${error}`);
  const resolved = injectionOptionsFromConfig(config.injection, { env: io.env, projectDir });
  for (const error of resolved.errors) io.err(`warden scan: injection: ${error}`);

  const inputs = await readInputs(positionals.length > 0 ? positionals : ["-"], io);
  if (inputs == null) return 2;
  // No time budget: unlike the hook, nobody is waiting on a tool call, and a cut-short scan would pass silently.
  const scanner = createInjectionScanner({ ...resolved.options, timeBudgetMs: Number.POSITIVE_INFINITY });
  const result = await runScanCommand(inputs, {
    minSeverity: values["min-severity"] ?? config.injection.warn_at ?? "medium",
    json: values.json ?? false,
    scanner,
  });
  if (result.stdout !== "") io.out(result.stdout.replace(/\n$/, ""));
  if (result.stderr !== "") io.err(result.stderr.replace(/\n$/, ""));
  return result.exitCode;
}

/** The sources' texts; null (after saying why) when one cannot be read. */
async function readInputs(sources: readonly string[], io: ScanIo): Promise<ScanInput[] | null> {
  const inputs: ScanInput[] = [];
  let stdin: string | undefined;
  for (const source of sources) {
    if (source === "-") {
      stdin ??= await (io.readStdin ?? readProcessStdin)();
      inputs.push({ source: "-", text: stdin });
      continue;
    }
    try {
      inputs.push({ source, text: fs.readFileSync(path.resolve(io.cwd, source), "utf8") });
    } catch (error) {
      io.err(`warden scan: cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
  return inputs;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}
