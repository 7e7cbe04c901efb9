import { UnknownSessionError, type SessionStore } from "@warden/core";
import { CliFailure, CliUsageError } from "./cli-io.js";

/** The full id the command's `<id>` argument names (a unique prefix will do). */
export function requireSessionArg(store: SessionStore, arg: string | undefined, usage: string): string {
  if (arg == null || arg === "") throw new CliUsageError(`a session id (or a unique prefix of one) is required\n${usage}`);
  return resolveSession(store, arg);
}

export function resolveSession(store: SessionStore, prefix: string): string {
  try {
    return store.resolveSessionId(prefix);
  } catch (error) {
    if (error instanceof UnknownSessionError) throw new CliFailure(error.message, { cause: error });
    throw error;
  }
}
