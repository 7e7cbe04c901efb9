import { SessionTooLargeError } from "@warden/core";
import { CliFailure, CliUsageError, type CliIo } from "./cli-io.js";
import { CLEAN_USAGE, runClean } from "./commands/clean.js";
import { COST_USAGE, runCost } from "./commands/cost.js";
import { FINALIZE_USAGE, runFinalize } from "./commands/finalize.js";
import { DOCTOR_USAGE, runDoctor } from "./commands/doctor.js";
import { EXPLAIN_USAGE, runExplain } from "./commands/explain.js";
import { INSTALL_USAGE, runInstall } from "./commands/install.js";
import { REPORT_USAGE, runReport } from "./commands/report.js";
import { RULES_USAGE, runRules } from "./commands/rules.js";
import { SCAN_USAGE, runScan } from "./commands/scan.js";
import { SESSIONS_USAGE, runSessions } from "./commands/sessions.js";
import { SHOW_USAGE, runShow } from "./commands/show.js";
import { SettingsFileError } from "./hook-wiring.js";

const COMMANDS: Record<string, { usage: string; run: (argv: string[], io: CliIo) => number | Promise<number> }> = {
  install: { usage: INSTALL_USAGE, run: runInstall },
  sessions: { usage: SESSIONS_USAGE, run: runSessions },
  show: { usage: SHOW_USAGE, run: runShow },
  report: { usage: REPORT_USAGE, run: runReport },
  cost: { usage: COST_USAGE, run: runCost },
  finalize: { usage: FINALIZE_USAGE, run: runFinalize },
  clean: { usage: CLEAN_USAGE, run: runClean },
  doctor: { usage: DOCTOR_USAGE, run: runDoctor },
  explain: { usage: EXPLAIN_USAGE, run: runExplain },
  scan: { usage: SCAN_USAGE, run: runScan },
  rules: { usage: RULES_USAGE, run: runRules },
};

export const USAGE = `usage: warden <command> [options]\n\ncommands:\n${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.usage.split("\n")[0]?.replace(/^usage: warden \S+ ?/, "")}`)
  .join("\n")}`;

/** The CLI's one error boundary: returns the exit code, never throws, never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name == null || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name == null ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command == null) {
    io.err(`warden: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A session too large to report is the session's state, not Warden's failure: its message says it all.
    if (error instanceof CliFailure || error instanceof SessionTooLargeError) {
      io.err(`warden ${name}: ${error.message}`);
      return 3;
    }
    if (error instanceof CliUsageError || error instanceof SettingsFileError || isParseArgsError(error)) {
      io.err(`warden ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    io.err(`warden ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
