import { hasOption, optionValue, type ParsedOptions } from "../../shell/parse-options.js";
import { defineServicePack, type ServiceCli, type ServiceFinding } from "./service-pack.js";

/**
 * Backup tools: restic, borg (and borgmatic), rclone, duplicity, tarsnap and kopia. Backups are the
 * way back after a loss, so deleting a repository, archives or snapshots is denied, and so is
 * `rclone purge` / `rclone delete` of a whole path. Asked: forgetting snapshots without pruning
 * their data (`restic recover` finds it again), compacting, rewriting, removing a key, emptying a
 * remote's trash, deduplicating, and `rclone sync` (it deletes at the destination what the source
 * lacks, and is often exactly what was asked; with `--backup-dir` nothing is lost, so it is left
 * alone). Listing, backing up, checking, restoring, `-n`/`--dry-run` and help find nothing.
 */

const keepsPolicy = (o: ParsedOptions, letters: string): boolean =>
  hasOption(o, letters) || [...o.long.keys()].some((name) => name.startsWith("keep-"));

const RESTIC_VALUES = [
  "repo",
  "repository-file",
  "password-file",
  "password-command",
  "cache-dir",
  "option",
  "key-hint",
  "tag",
  "host",
  "path",
];
const RESTIC_KEEPS = [
  "keep-last",
  "keep-hourly",
  "keep-daily",
  "keep-weekly",
  "keep-monthly",
  "keep-yearly",
  "keep-within",
  "keep-tag",
  "group-by",
];
const restic: ServiceCli = {
  options: {
    value: "rpolHdwmyg",
    valueLong: [...RESTIC_VALUES, ...RESTIC_KEEPS],
  },
  dryRunShort: "n",
  verbs: { deny: [], ask: ["prune", "key remove", "key rm"] },
  read: (words, o): ServiceFinding | undefined => {
    if (words[0] === "rewrite" && o.long.has("forget")) return { tier: "ask", detail: "restic rewrite --forget" };
    if (words[0] !== "forget") return undefined;
    if (o.long.has("prune")) return { tier: "deny", detail: "restic forget --prune" };
    // `restic forget` with no snapshot and no policy removes nothing.
    return words.length > 1 || keepsPolicy(o, "lHdwmy") ? { tier: "ask", detail: "restic forget (without --prune)" } : undefined;
  },
};

const BORG_VALUES = ["remote-path", "rsh", "lock-wait", "umask", "repo", "upload-ratelimit", "upload-buffer", "glob-archives"];
const borg: ServiceCli = {
  options: { value: "ra", valueLong: [...BORG_VALUES, "match-archives", "prefix", "checkpoint-interval", "comment"] },
  dryRunShort: "n",
  verbs: { deny: ["rdelete", "repo-delete", "prune"], ask: ["compact", "recreate"] },
  // `borg delete --cache-only` deletes only the local cache.
  read: (words, o) =>
    words[0] === "delete" && !o.long.has("cache-only") ? { tier: "deny", detail: ["borg", ...words.slice(0, 2)].join(" ") } : undefined,
};

const borgmatic: ServiceCli = {
  options: { value: "c", valueLong: ["config", "repository", "archive", "match-archives"] },
  verbs: { deny: ["delete", "rdelete", "repo-delete"], ask: [] },
};

const RCLONE_VALUES = ["config", "backup-dir", "suffix", "include", "exclude", "filter", "include-from", "exclude-from", "filter-from"];
/** Filters that narrow `rclone delete` to some files: by age, size, name or a list. */
const RCLONE_NARROWS = ["min-age", "max-age", "min-size", "max-size", "include", "include-from", "filter", "filter-from", "files-from"];
const DEDUPE_DELETES = new Set(["first", "newest", "oldest", "largest", "smallest"]);

const rclone: ServiceCli = {
  options: { valueLong: [...RCLONE_VALUES, ...RCLONE_NARROWS, "transfers", "checkers", "log-file", "log-level", "bwlimit", "dedupe-mode"] },
  dryRunShort: "n",
  verbs: { deny: ["purge"], ask: ["cleanup"] },
  read: (words, o): ServiceFinding | undefined => {
    switch (words[0]) {
      case "delete":
        return RCLONE_NARROWS.some((name) => o.long.has(name))
          ? { tier: "ask", detail: "rclone delete (with filters)" }
          : { tier: "deny", detail: "rclone delete (every file under the path)" };
      case "sync":
        return o.long.has("backup-dir")
          ? undefined
          : { tier: "ask", detail: "rclone sync (deletes at the destination what the source lacks)" };
      case "dedupe": {
        const mode = optionValue(o, "", ["dedupe-mode"]) ?? words[1] ?? "";
        return DEDUPE_DELETES.has(mode) ? { tier: "ask", detail: `rclone dedupe ${mode}` } : undefined;
      }
      default:
        return undefined;
    }
  },
};

const DUPLICITY_REMOVES = new Set(["remove-older-than", "remove-all-but-n-full", "remove-all-inc-of-but-n-full"]);
/** duplicity only lists what it would remove unless given `--force`. */
const duplicity: ServiceCli = {
  options: {
    valueLong: ["archive-dir", "name", "encrypt-key", "sign-key", "tempdir", "log-file", "file-prefix", "gpg-options", "verbosity"],
  },
  read: (words, o) => {
    const verb = words[0] ?? "";
    if (!o.long.has("force")) return undefined;
    if (DUPLICITY_REMOVES.has(verb)) return { tier: "deny", detail: `duplicity ${verb} --force` };
    return verb === "cleanup" ? { tier: "ask", detail: "duplicity cleanup --force" } : undefined;
  },
};

/** `tarsnap -d -f NAME` deletes an archive; `tarsnap --nuke` every archive. */
const tarsnap: ServiceCli = {
  options: { value: "fCT", valueLong: ["keyfile", "cachedir", "configfile", "creationtime"] },
  read: (_words, o) => {
    if (o.long.has("nuke")) return { tier: "deny", detail: "tarsnap --nuke (every archive)" };
    return hasOption(o, "d") ? { tier: "deny", detail: "tarsnap -d" } : undefined;
  },
};

/** kopia only says what it would delete unless given `--delete`. */
const kopia: ServiceCli = {
  options: { valueLong: ["config-file", "password", "log-dir", "cache-directory"] },
  verbs: { deny: ["blob delete", "blob rm", "content delete", "content rm"], ask: [] },
  read: (words, o) => {
    const [group = "", verb = ""] = words;
    const deletes = group === "snapshot" && ["delete", "rm", "remove", "expire"].includes(verb) && o.long.has("delete");
    return deletes ? { tier: "deny", detail: `kopia snapshot ${verb} --delete` } : undefined;
  },
};

export const backupPack = defineServicePack({
  id: "backup",
  title: "backup tools: restic, borg, borgmatic, rclone, duplicity, tarsnap, kopia",
  category: "anti-recovery",
  reasons: {
    deny: "it deletes a backup repository, archives or snapshots (or every file under a remote path): the backups are the way back after a loss, and what they held cannot be got back",
    ask: "it forgets snapshots without pruning their data, prunes, compacts or rewrites a repository, removes a key, empties a remote's trash, or syncs so that the destination loses what the source lacks: often what the user asked for",
  },
  clis: { restic, borg, borgmatic, rclone, duplicity, tarsnap, kopia },
});
