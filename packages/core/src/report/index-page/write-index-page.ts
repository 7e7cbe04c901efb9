import path from "node:path";
import { ensureContainedDir } from "../../store/contained-path.js";
import { writeFileAtomic } from "../../store/session-store.js";
import { wardenPaths } from "../../store/warden-paths.js";

/** Where `warden report --index` writes by default: beside the session reports it links to. */
export function indexPagePath(dataDir: string): string {
  return path.join(wardenPaths(dataDir).reportsDir, "index.html");
}

/** Writes the page into the data directory, refusing a link on the way out of it (see ensureContainedDir). */
export function writeIndexPage(dataDir: string, html: string): string {
  const file = indexPagePath(dataDir);
  ensureContainedDir(dataDir, path.dirname(file));
  writeFileAtomic(file, html);
  return file;
}
