import { CliUsageError, type CliIo } from "./cli-io.js";
import { classifyError } from "./cli-errors.js";
import { COMMANDS } from "./commands.js";
import type { Command } from "./define-command.js";
import { didYouMean } from "./did-you-mean.js";
import { EXIT, EXIT_STATUS_HELP } from "./exit-status.js";
import { splitArgv } from "./leading-options.js";

export const USAGE = `usage: warden [--json] [--dir DIR] <command> [arguments] [options]
       warden --version | --help | help <command>

commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n")}

"warden <command> --help" lists a command's arguments and options. --json works on every command;
--json, --dir DIR and --project DIR may also come before the command's name.

${EXIT_STATUS_HELP}`;

/** The CLI's one error boundary: returns the exit code, never throws, never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = wantsJson(argv);
  let command: Command | undefined;
  try {
    const { name, args, rest, help, version } = splitArgv(argv);
    if (version) return printVersion(io, json);
    if (name == null && help) return printHelp(undefined, io);
    if (name === "help")
      return printHelp(
        rest.find((a) => !a.startsWith("-")),
        io,
      );
    if (name == null) throw new CliUsageError("give a command");
    command = COMMANDS.find((c) => c.name === name);
    if (command == null)
      throw new CliUsageError(
        `unknown command "${name}"${didYouMean(
          name,
          COMMANDS.map((c) => c.name),
        )}`,
      );
    refuseMovedOptions(args.slice(0, args.length - rest.length), command);
    return await command.execute(help ? ["--help"] : args, io);
  } catch (error) {
    return reportError(error, command, io, json);
  }
}

/** An option given before the command's name that the command does not take is named as such, not as unknown. */
function refuseMovedOptions(moved: readonly string[], command: Command): void {
  for (const arg of moved) {
    const name = arg.startsWith("--") ? (arg.slice(2).split("=")[0] ?? "") : "";
    if (name !== "" && command.options[name] == null) {
      const takes = Object.keys(command.options).map((o) => `--${o}`);
      throw new CliUsageError(`--${name} does not apply to warden ${command.name} (it takes ${takes.join(", ")})`);
    }
  }
}

/** --json asks for JSON errors too, wherever it stands (before a `--`, after which words are arguments). */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).includes("--json");
}

function printVersion(io: CliIo, json: boolean): number {
  const version = io.version ?? "unknown (not built: run pnpm build)";
  io.out(json ? JSON.stringify({ version }) : `warden ${version}`);
  return EXIT.yes;
}

function printHelp(topic: string | undefined, io: CliIo): number {
  if (topic == null) {
    io.out(USAGE);
    return EXIT.yes;
  }
  const command = COMMANDS.find((c) => c.name === topic);
  if (command == null)
    throw new CliUsageError(
      `no help for "${topic}": not a command${didYouMean(
        topic,
        COMMANDS.map((c) => c.name),
      )}`,
    );
  io.out(command.usage);
  return EXIT.yes;
}

/**
 * Says what went wrong on stderr, in words (with the usage after a usage error); with --json, stdout
 * carries one `{"error": {"code", "message"}}` so scripts never parse prose. Only a bug in Warden
 * shows a stack, and says so.
 */
function reportError(error: unknown, command: Command | undefined, io: CliIo, json: boolean): number {
  const report = classifyError(error);
  const prefix = command == null ? "warden" : `warden ${command.name}`;
  switch (report.kind) {
    case "usage":
      io.err(`${prefix}: ${report.message}\n${command?.usage ?? USAGE}`);
      break;
    case "failure":
      io.err(`${prefix}: ${report.message}`);
      break;
    case "bug":
      io.err(`${prefix}: ${report.stack}\nthis is a bug in warden; please report it, with the command you ran and this message`);
      break;
    default: {
      const unknown: never = report;
      throw new Error(`unknown error report ${JSON.stringify(unknown)}`);
    }
  }
  if (json) io.out(JSON.stringify({ error: { code: report.code, message: report.message } }));
  return report.code;
}
