import {
  CommandPolicyConfigError,
  LockTimeoutError,
  OutsideDataDirError,
  SessionTooLargeError,
  SyncBusyError,
  UnknownSessionError,
  UnsafeSessionIdError,
} from "@warden/core";
import { TeamStoreError } from "@warden/team-store";
import { CliFailure, CliUsageError } from "./cli-io.js";
import { SettingsFileError } from "./hook-wiring.js";
import { EXIT } from "./exit-status.js";

/** What the frame reports for an error a command threw: a usage error, a failure, or a bug in Warden. */
export type ErrorReport =
  | { readonly kind: "usage"; readonly code: typeof EXIT.usage; readonly message: string }
  | { readonly kind: "failure"; readonly code: typeof EXIT.failure; readonly message: string }
  | { readonly kind: "bug"; readonly code: typeof EXIT.failure; readonly message: string; readonly stack: string };

/**
 * Errors whose message says everything a user needs: the state of their files, not Warden's failure
 * (a lock held by a hung process, a session id or a link that would lead outside the data directory).
 */
const FORESEEN = [
  CliFailure,
  SettingsFileError,
  SessionTooLargeError,
  UnknownSessionError,
  CommandPolicyConfigError,
  LockTimeoutError,
  UnsafeSessionIdError,
  OutsideDataDirError,
  TeamStoreError,
  SyncBusyError,
] as const;

export function classifyError(error: unknown): ErrorReport {
  if (error instanceof CliUsageError) return { kind: "usage", code: EXIT.usage, message: withoutUsage(error.message) };
  if (FORESEEN.some((kind) => error instanceof kind) || isSystemError(error))
    return { kind: "failure", code: EXIT.failure, message: error instanceof Error ? error.message : String(error) };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "bug", code: EXIT.failure, message, stack: error instanceof Error ? (error.stack ?? message) : message };
}

/**
 * Commands written before the frame printed the usage itself appended it to the message; it is
 * printed once, by the frame, and kept out of the JSON error.
 */
function withoutUsage(message: string): string {
  const at = message.indexOf("\nusage: warden");
  return at === -1 ? message : message.slice(0, at);
}

/** A failed file or process operation (EACCES, ENOSPC, EISDIR...): node's message names the call and the path. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && "code" in error && typeof error.code === "string" && "syscall" in error;
}
