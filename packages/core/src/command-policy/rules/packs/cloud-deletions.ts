import type { SimpleCommand } from "../../command-types.js";
import { hasOption, parseOptions, type OptionSpec } from "../../shell/parse-options.js";
import {
  AWS_DELETIONS,
  AZ_DELETIONS,
  DOCTL_DELETIONS,
  GCLOUD_DELETIONS,
  type CloudTable,
  type CloudTier,
} from "./cloud-delete-commands.js";
import { findBqDeletion } from "./bq-deletions.js";
import { awsFallback, azFallback, doctlFallback, gcloudFallback } from "./cloud-fallbacks.js";
import { asksForHelp } from "./pack-words.js";
import { findVerb } from "./verb-table.js";

/**
 * What a cloud CLI command deletes, sorted by how much is lost: a whole project or resource group,
 * data (storage, databases, disks, backups, keys), a whole environment (a cluster, a stack, a DNS
 * zone), or one resource (an instance, a function, an identity). A deleting command the tables
 * do not list is one resource (see cloud-fallbacks.ts). Listing, describing and creating are not
 * deletions; `--help`, `help` and dry runs delete nothing.
 */

export interface CloudDeletion {
  readonly tier: CloudTier;
  /** The command as the CLI names it: `aws rds delete-db-instance`, `gcloud projects delete`. */
  readonly detail: string;
}

/** doctl's short names for its commands: `doctl k8s c rm` is `doctl kubernetes cluster delete`. */
const DOCTL_TOP_ALIASES: Readonly<Record<string, string>> = {
  k8s: "kubernetes",
  kube: "kubernetes",
  k: "kubernetes",
  db: "databases",
  dbs: "databases",
};
const DOCTL_ALIASES: Readonly<Record<string, string>> = { c: "cluster", rm: "delete" };

const TIERS: readonly CloudTier[] = ["project", "data", "environment", "resource"];
const AWS_VALUES: OptionSpec = {
  valueLong: ["region", "profile", "output", "endpoint-url", "query", "cli-read-timeout", "cli-connect-timeout", "color", "ca-bundle"],
};
const GCLOUD_VALUES: OptionSpec = {
  valueLong: ["project", "account", "configuration", "format", "verbosity", "zone", "region", "location", "billing-project", "flags-file"],
};
const AZ_VALUES: OptionSpec = { value: "gno", valueLong: ["subscription", "output", "query", "resource-group", "name", "ids"] };
const DOCTL_VALUES: OptionSpec = { value: "tocu", valueLong: ["access-token", "context", "output", "config", "api-url"] };
const GSUTIL_VALUES: OptionSpec = { value: "houi", stopAtPositional: true };
const RELEASE_TRACKS = new Set(["alpha", "beta", "preview"]);
const NAMES = new Set(["aws", "gcloud", "gsutil", "az", "doctl", "gh", "bq"]);
/** A whole bucket's contents: `gs://b`, `gs://b/`, `gs://b/*`, `gs://b/**`. */
const WHOLE_BUCKET = /^gs:\/\/[^/]+\/?(?:\*{1,2})?$/;

export function findCloudDeletion(cmd: SimpleCommand): CloudDeletion | undefined {
  const { name, args } = cmd;
  if (!NAMES.has(name) || asksForHelp(args)) return undefined;
  switch (name) {
    case "aws":
      return findAwsDeletion(args);
    case "gcloud":
      return findGcloudDeletion(args);
    case "gsutil":
      return findGsutilDeletion(args);
    case "az": {
      const words = parseOptions(args, AZ_VALUES).positionals;
      return lookUp(AZ_DELETIONS, "az", words) ?? fallback("az", azFallback(words));
    }
    case "gh":
      return findGithubDeletion(args);
    case "bq":
      return findBqDeletion(args);
    default: {
      const words = parseOptions(args, DOCTL_VALUES).positionals.map(doctlWord);
      return lookUp(DOCTL_DELETIONS, "doctl", words) ?? fallback("doctl", doctlFallback(words));
    }
  }
}

/** `d` is `droplet` right after `compute` (`doctl compute d list`) and `delete` deeper (`doctl compute droplet d web-1`). */
function doctlWord(word: string, k: number): string {
  if (k === 0) return DOCTL_TOP_ALIASES[word] ?? word;
  if (word === "d") return k === 1 ? "droplet" : "delete";
  return DOCTL_ALIASES[word] ?? word;
}

function fallback(cli: string, words: readonly string[] | undefined): CloudDeletion | undefined {
  return words == null ? undefined : { tier: "resource", detail: `${cli} ${words.join(" ")}` };
}

function findAwsDeletion(args: readonly string[]): CloudDeletion | undefined {
  const p = parseOptions(args, AWS_VALUES);
  if (p.long.has("dryrun") || p.long.has("dry-run") || p.long.has("generate-cli-skeleton")) return undefined;
  const [service = "", operation = ""] = p.positionals;
  const detail = `aws ${service} ${operation}`;
  if (service === "s3" && operation === "rm")
    return p.long.has("recursive") || p.short.has("r") ? { tier: "data", detail: `${detail} --recursive` } : undefined;
  // A deploy step often meant, but every object the source lacks is deleted at the destination.
  if (service === "s3" && operation === "sync" && p.long.has("delete")) return { tier: "resource", detail: `${detail} --delete` };
  if (service === "s3" && operation === "rb")
    return p.long.has("force") ? { tier: "data", detail: `${detail} --force` } : { tier: "resource", detail };
  if (service === "secretsmanager" && operation === "delete-secret" && p.long.has("force-delete-without-recovery"))
    return { tier: "data", detail: `${detail} --force-delete-without-recovery` };
  if (service === "ecr" && operation === "delete-repository" && p.long.has("force")) return { tier: "data", detail: `${detail} --force` };
  return lookUp(AWS_DELETIONS, "aws", [service, operation]) ?? (awsFallback(operation) ? { tier: "resource", detail } : undefined);
}

function findGcloudDeletion(args: readonly string[]): CloudDeletion | undefined {
  const p = parseOptions(args, GCLOUD_VALUES);
  const words = p.positionals.filter((w, k) => k > 0 || !RELEASE_TRACKS.has(w));
  if (words[0] === "storage" && words[1] === "rsync" && p.long.has("delete-unmatched-destination-objects"))
    return { tier: "resource", detail: "gcloud storage rsync --delete-unmatched-destination-objects" };
  if (words[0] === "storage" && words[1] === "rm") {
    const recursive = hasOption(p, "rR", ["recursive"]) || words.slice(2).some((w) => w.startsWith("gs://") && w.endsWith("**"));
    return recursive ? { tier: "data", detail: "gcloud storage rm --recursive" } : undefined;
  }
  return lookUp(GCLOUD_DELETIONS, "gcloud", words) ?? fallback("gcloud", gcloudFallback(words));
}

/** `gsutil [-m] rm -r gs://bucket`, `gsutil rm gs://bucket/**`, `gsutil rb gs://bucket`. */
function findGsutilDeletion(args: readonly string[]): CloudDeletion | undefined {
  const global = parseOptions(args, GSUTIL_VALUES);
  const sub = args[global.rest];
  const rest = parseOptions(args.slice(global.rest + 1), { value: "I" });
  if (sub === "rb") return { tier: "resource", detail: "gsutil rb" };
  if (sub === "rsync") return hasOption(rest, "d") ? { tier: "resource", detail: "gsutil rsync -d" } : undefined;
  if (sub !== "rm") return undefined;
  if (hasOption(rest, "rR")) return { tier: "data", detail: "gsutil rm -r" };
  const everything = rest.positionals.find((w) => WHOLE_BUCKET.test(w) || w.endsWith("/**"));
  return everything == null ? undefined : { tier: "data", detail: `gsutil rm ${everything}` };
}

/** `gh repo delete` takes the repository with its issues, pull requests and wiki; `gh release delete` one release. */
function findGithubDeletion(args: readonly string[]): CloudDeletion | undefined {
  const [group = "", action = ""] = parseOptions(args, { valueLong: ["repo", "hostname"] }).positionals;
  if (group === "repo" && action === "delete") return { tier: "project", detail: "gh repo delete" };
  if (group === "release" && action === "delete") return { tier: "resource", detail: "gh release delete" };
  return undefined;
}

function lookUp(table: CloudTable, cli: string, words: readonly string[]): CloudDeletion | undefined {
  const found = findVerb(table, TIERS, words);
  return found == null ? undefined : { tier: found.tier, detail: `${cli} ${found.words.join(" ")}` };
}
