/** The world a CLI command touches, passed in so tests run commands in-process. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Absolute path of the built hooks this Warden checkout provides. */
  readonly hooksDir: string;
  readonly isTty: boolean;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The clock; the real one when omitted. */
  readonly now?: () => Date;
  /** Warden's version, which the bundle has built in; absent when running from the sources. */
  readonly version?: string;
  /**
   * Asks the person at the terminal a yes/no question (`warden clean` before deleting); true only
   * for y or yes. Absent when stdin is not a terminal: there is nobody to ask.
   */
  readonly confirm?: (question: string) => Promise<boolean>;
}

export const clockOf = (io: Pick<CliIo, "now">): (() => Date) => io.now ?? (() => new Date());

/** A mistake in how the command was called (nothing was done): printed with usage, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

/** The command was called correctly but could not do its job (e.g. an unknown session id): exit code 3. */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
}
