import { UnknownSessionError, type SessionStore } from "@warden/core";
import { CliFailure, CliUsageError } from "./cli-io.js";

/** The command's `<id>` argument, checked before any data is looked for: a usage error comes first. */
export function requireSessionArg(arg: string | undefined): string {
  if (arg == null || arg === "") throw new CliUsageError("a session id (or a unique prefix of one) is required");
  return arg;
}

export function resolveSession(store: SessionStore, prefix: string): string {
  try {
    return store.resolveSessionId(prefix);
  } catch (error) {
    if (error instanceof UnknownSessionError) throw new CliFailure(error.message, { cause: error });
    throw error;
  }
}
