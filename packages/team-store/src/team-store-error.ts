/**
 * Why the team store could not be used, in words a developer can act on. `kind` lets a caller
 * tell a setting to fix from a server that is away (the records wait either way).
 */
export type TeamStoreErrorKind = "config" | "unreachable" | "auth" | "database" | "schema" | "lost" | "query";

export class TeamStoreError extends Error {
  override readonly name = "TeamStoreError";
  constructor(
    readonly kind: TeamStoreErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The client's error as a TeamStoreError naming the server (`where`, its URL with the password
 * masked). Codes are the ones the `postgres` client and the server give (SQLSTATE for the latter).
 */
export function describeDatabaseError(error: unknown, where: string): TeamStoreError {
  if (error instanceof TeamStoreError) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const at = `the team store ${where}`;
  switch (code) {
    case "ECONNREFUSED":
      return new TeamStoreError("unreachable", `${at} is unreachable: nothing accepts connections there (is PostgreSQL running?)`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new TeamStoreError("unreachable", `${at} is unreachable: its host name does not resolve`);
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return new TeamStoreError("unreachable", `${at} is unreachable: no answer (${code})`);
    case "28P01":
    case "28000":
      return new TeamStoreError("auth", `${at} refused the login: ${message} (check the user and password in the URL)`);
    case "3D000":
      return new TeamStoreError("database", `${at}: ${message} (create it, or fix the database name in the URL)`);
    case "42501":
      return new TeamStoreError(
        "database",
        `${at}: ${message} (the user needs CREATE on the database for \`warden team migrate\`, and to write the warden schema)`,
      );
    case "57P01":
    case "57P02":
    case "57P03":
    case "ECONNRESET":
    case "EPIPE":
    case "CONNECTION_CLOSED":
    case "CONNECTION_ENDED":
    case "CONNECTION_DESTROYED":
      return new TeamStoreError("lost", `${at} went away during the sync (${code}: ${message}); what it had not confirmed stays queued`);
    case "SSL_NOT_SUPPORTED":
      return new TeamStoreError("config", `${at} does not support TLS, but the URL asks for it (sslmode)`);
    case "PROTOCOL_ERROR":
      return new TeamStoreError("config", `${at} does not speak the PostgreSQL protocol (is the port right?)`);
    default:
      return new TeamStoreError("query", `${at}: ${code == null ? "" : `${code}: `}${message}`);
  }
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error == null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}
