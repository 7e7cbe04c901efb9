import fs from "node:fs";
import path from "node:path";
import { createInjectionScanner, injectionOptionsFromConfig, loadWardenConfig, parseSeverity, SEVERITIES } from "@warden/core";
import { CliFailure, CliUsageError, type CliIo } from "../cli-io.js";
import { homeOf } from "../data-dir.js";
import { defineCommand } from "../define-command.js";
import { runScanCommand, type ScanInput } from "./scan-report.js";

/** The world `warden scan` needs beyond CliIo: stdin, read completely. */
export interface ScanIo extends CliIo {
  readonly readStdin?: () => Promise<string>;
}

/** Scans files or stdin with the guard's rules; 1 when something at or above the threshold was found. */
export const SCAN = defineCommand({
  name: "scan",
  synopsis: "[FILE... | -]",
  summary: "scans text for prompt injection as the guard hook would",
  details: `with the project's and user's \`injection\` config (warn level, extra rule files, the LLM tier
when configured); prints each finding's rule, severity, offsets, matched form and excerpt.
FILE "-" or none reads stdin`,
  maxPositionals: Number.POSITIVE_INFINITY,
  options: {
    "min-severity": {
      type: "string",
      value: "S",
      help: "low, medium, high or critical: the least severity that fails the scan (default: the config's warn_at, else medium)",
    },
    project: { type: "string", value: "DIR", help: "the project (default: the cwd); its .claude/warden.json applies" },
  },
  answersNo: "a finding reaches --min-severity",
  run: ({ values, positionals }, io: ScanIo) => scan(values, positionals, io),
});

async function scan(
  values: { readonly "min-severity"?: string; readonly project?: string; readonly json?: boolean },
  positionals: readonly string[],
  io: ScanIo,
): Promise<number> {
  // Checked before anything is read, so a bad option never waits on stdin.
  if (values["min-severity"] != null && parseSeverity(values["min-severity"]) == null) {
    throw new CliUsageError(`--min-severity ${JSON.stringify(values["min-severity"])} is not one of ${SEVERITIES.join(", ")}`);
  }
  const projectDir = path.resolve(io.cwd, values.project ?? ".");
  const home = homeOf(io);
  const config = loadWardenConfig(projectDir, home);
  for (const error of config.errors) io.err(`warden scan: config ignored: ${error}`);
  const resolved = injectionOptionsFromConfig(config.injection, { env: io.env, projectDir });
  for (const error of resolved.errors) io.err(`warden scan: injection: ${error}`);

  const inputs = await readInputs(positionals.length > 0 ? positionals : ["-"], io);
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

/** The sources' texts; a source that cannot be read fails the scan before anything is scanned. */
async function readInputs(sources: readonly string[], io: ScanIo): Promise<ScanInput[]> {
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
      throw new CliFailure(`cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return inputs;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}
