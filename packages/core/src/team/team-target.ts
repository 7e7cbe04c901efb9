import os from "node:os";
import type { TeamConfig } from "../config/warden-config.js";

/** Where and as whom this machine ships its sessions. */
export interface TeamTarget {
  readonly databaseUrl: string;
  /** Where the URL came from, to name in messages (never the URL itself: it holds a password). */
  readonly urlSource: "WARDEN_DATABASE_URL" | "~/.claude/warden.json";
  readonly user: string;
  readonly machine: string;
}

/** The team store this process ships to; undefined when none is set (the team store is off). */
export function teamTarget(env: Readonly<Record<string, string | undefined>>, team: TeamConfig): TeamTarget | undefined {
  const fromEnv = env.WARDEN_DATABASE_URL?.trim();
  const databaseUrl = fromEnv || team.database_url;
  if (!databaseUrl) return undefined;
  return {
    databaseUrl,
    urlSource: fromEnv ? "WARDEN_DATABASE_URL" : "~/.claude/warden.json",
    ...teamIdentity(env, team),
  };
}

/** The names the team sees for this developer and machine (a destination without a database needs them too). */
export function teamIdentity(env: Readonly<Record<string, string | undefined>>, team: TeamConfig): { user: string; machine: string } {
  return { user: team.user ?? loginName(env), machine: team.machine ?? os.hostname() };
}

function loginName(env: Readonly<Record<string, string | undefined>>): string {
  try {
    return os.userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers).
    return env.USER || env.LOGNAME || "unknown";
  }
}
