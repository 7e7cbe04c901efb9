import { TeamStoreError } from "./team-store-error.js";

/** A checked `postgres://` URL and how to show it without its password. */
export interface DatabaseUrl {
  readonly url: string;
  /** The URL with any password replaced by `***`: what messages and `--json` name. */
  readonly display: string;
}

/**
 * Checks the URL before any client sees it: the clients answer a typo with a misleading network
 * error (a garbage URL becomes a host lookup of part of it). `source` names where it was set.
 */
export function parseDatabaseUrl(text: string, source: string): DatabaseUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TeamStoreError("config", `${source} is not a URL; expected postgres://USER:PASSWORD@HOST:PORT/DATABASE`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:")
    throw new TeamStoreError(
      "config",
      `${source} has the scheme "${url.protocol.replace(/:$/, "")}"; expected postgres://USER:PASSWORD@HOST:PORT/DATABASE`,
    );
  if (url.hostname === "" && !url.searchParams.has("host"))
    throw new TeamStoreError("config", `${source} names no host; expected postgres://USER:PASSWORD@HOST:PORT/DATABASE`);
  const shown = new URL(url.href);
  if (shown.password !== "") shown.password = "***";
  return { url: text, display: shown.href };
}
