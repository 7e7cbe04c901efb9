import { SettingsFileError } from "@warden/core";
import { CliUsageError, type CliIo } from "./cli-io.js";
import { INSTALL_USAGE, runInstall } from "./commands/install.js";

const COMMANDS: Record<string, { usage: string; run: (argv: string[], io: CliIo) => number | Promise<number> }> = {
  install: { usage: INSTALL_USAGE, run: runInstall },
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
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof SettingsFileError || isParseArgsError(error)) {
      io.err(`warden ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    io.err(`warden ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
