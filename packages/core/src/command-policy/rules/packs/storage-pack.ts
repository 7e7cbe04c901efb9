import { hasOption, optionValue, type ParsedOptions } from "../../shell/parse-options.js";
import { defineServicePack, type ServiceCli, type ServiceFinding } from "./service-pack.js";

/**
 * Object storage CLIs besides the cloud pack's (aws, gcloud, gsutil, az): MinIO's `mc`, s3cmd,
 * azcopy, Backblaze's `b2` and s5cmd. Object storage has no undo: wiping a bucket or prefix
 * (recursive removal, a wildcard, a bucket removed with its objects) or every version of an
 * object is denied. Removing an empty bucket, an admin user or policy, and syncing with deletion
 * at the destination are asked: often meant. Removing one object, copying, listing and mirroring
 * without deletion are left alone.
 */

/** A long flag given bare or `=true` (azcopy's `--recursive=true`), not `=false`. */
const isOn = (o: ParsedOptions, name: string): boolean => {
  const value = o.long.get(name);
  return value === true || (typeof value === "string" && value !== "false");
};

const mc: ServiceCli = {
  options: {
    value: "CH",
    valueLong: ["config-dir", "older-than", "newer-than", "version-id", "vid", "rewind", "encrypt-key", "limit-upload", "limit-download"],
  },
  verbs: {
    deny: [],
    ask: ["user", "policy", "group", "bucket remote"].flatMap((what) => [`admin ${what} remove`, `admin ${what} rm`]),
  },
  read: (words, o): ServiceFinding | undefined => {
    switch (words[0]) {
      case "rm":
        // `--incomplete` removes only unfinished uploads.
        if (hasOption(o, "I", ["incomplete"])) return undefined;
        if (o.long.has("versions")) return { tier: "deny", detail: "mc rm --versions (every version)" };
        return hasOption(o, "r", ["recursive"]) ? { tier: "deny", detail: "mc rm --recursive" } : undefined;
      case "rb":
        return o.long.has("force")
          ? { tier: "deny", detail: "mc rb --force (the bucket and its objects)" }
          : { tier: "ask", detail: "mc rb" };
      case "mirror":
        return o.long.has("remove") ? { tier: "ask", detail: "mc mirror --remove" } : undefined;
      default:
        return undefined;
    }
  },
};

/** `s3://bucket/*`, `s3://bucket/prefix/*`: a wildcard removal. */
const hasWildcard = (words: readonly string[]): boolean => words.some((w) => /^[a-z0-9]+:\/\/[^/]+\/?.*\*/.test(w));

const s3cmd: ServiceCli = {
  options: {
    value: "c",
    valueLong: [
      "config",
      "exclude",
      "include",
      "rexclude",
      "rinclude",
      "exclude-from",
      "include-from",
      "access_key",
      "secret_key",
      "region",
      "host",
    ],
  },
  dryRunShort: "n",
  read: (words, o): ServiceFinding | undefined => {
    const verb = words[0] ?? "";
    if (verb === "del" || verb === "rm") {
      if (hasOption(o, "r", ["recursive"])) return { tier: "deny", detail: `s3cmd ${verb} --recursive` };
      return hasWildcard(words.slice(1)) ? { tier: "deny", detail: `s3cmd ${verb} with a wildcard` } : undefined;
    }
    if (verb === "rb")
      return hasOption(o, "fr", ["force", "recursive"])
        ? { tier: "deny", detail: "s3cmd rb --force/--recursive (the bucket and its objects)" }
        : { tier: "ask", detail: "s3cmd rb" };
    if (verb === "sync" && o.long.has("delete-removed")) return { tier: "ask", detail: "s3cmd sync --delete-removed" };
    return undefined;
  },
};

const azcopy: ServiceCli = {
  options: {
    valueLong: [
      "include-pattern",
      "exclude-pattern",
      "include-path",
      "exclude-path",
      "list-of-files",
      "log-level",
      "from-to",
      "delete-destination",
    ],
  },
  read: (words, o): ServiceFinding | undefined => {
    const verb = words[0] ?? "";
    if ((verb === "remove" || verb === "rm") && isOn(o, "recursive")) return { tier: "deny", detail: `azcopy ${verb} --recursive` };
    // `prompt` asks on the terminal, which a Claude Code session cannot answer.
    const deletes = optionValue(o, "", ["delete-destination"]);
    if (verb === "sync" && deletes != null && deletes !== "false")
      return { tier: "ask", detail: `azcopy sync --delete-destination=${deletes}` };
    return undefined;
  },
};

/** b2 (v3 and v4 syntax): `b2 rm` works on a folder, so even without `--recursive` it is asked. */
const b2: ServiceCli = {
  options: {
    valueLong: ["profile", "threads", "queue-size", "exclude-regex", "include-regex", "exclude-dir-regex", "keep-days", "compare-versions"],
  },
  verbs: { deny: [], ask: ["delete-bucket", "bucket delete"] },
  read: (words, o): ServiceFinding | undefined => {
    const verb = words[0] ?? "";
    if (verb === "sync" && o.long.has("delete")) return { tier: "ask", detail: "b2 sync --delete" };
    if (verb !== "rm") return undefined;
    const wipe = ["recursive", "versions", "with-wildcard", "withWildcard"].find((name) => o.long.has(name));
    return wipe != null ? { tier: "deny", detail: `b2 rm --${wipe}` } : { tier: "ask", detail: "b2 rm (a folder)" };
  },
};

const s5cmd: ServiceCli = {
  options: {
    value: "r",
    valueLong: ["endpoint-url", "profile", "credentials-file", "numworkers", "retry-count", "log", "request-payer", "exclude", "include"],
  },
  verbs: { deny: [], ask: ["rb"] },
  read: (words, o): ServiceFinding | undefined => {
    const verb = words[0] ?? "";
    if (verb === "sync" && o.long.has("delete")) return { tier: "ask", detail: "s5cmd sync --delete" };
    if (verb !== "rm") return undefined;
    if (o.long.has("all-versions")) return { tier: "deny", detail: "s5cmd rm --all-versions" };
    return hasWildcard(words.slice(1)) ? { tier: "deny", detail: "s5cmd rm with a wildcard" } : undefined;
  },
};

export const storagePack = defineServicePack({
  id: "storage",
  title: "object storage CLIs: mc, s3cmd, azcopy, b2, s5cmd",
  category: "destructive-data",
  reasons: {
    deny: "it deletes every object under a bucket or prefix, a bucket with its objects, or every version of an object: object storage has no undo",
    ask: "it removes an empty bucket, a folder, a MinIO user, policy or replication target, or syncs so that the destination loses what the source lacks: often what the user asked for",
  },
  clis: { mc, s3cmd, azcopy, b2, s5cmd },
});
