export { CliFailure, CliUsageError, type CliIo } from "./cli-io.js";
export { runCli, USAGE } from "./run-cli.js";
