/**
 * The cloud CLIs' deleting commands that the tables (cloud-delete-commands.ts) do not list, read
 * from how each CLI names its verbs: an aws operation `delete-…`, `batch-delete-…`, `terminate-…`,
 * `purge-…` or `destroy-…`; a gcloud, az or doctl command whose verb is `delete` (az `purge`,
 * gcloud `destroy`, doctl `rm`/`d`). Each is one resource, so it is asked.
 *
 * Left alone: operations on records inside a store that programs run all day (a DynamoDB item,
 * an S3 object, an SQS message, a blob), tags, and verbs that only detach, disable or cancel
 * (`remove-…`, `deregister-targets`, `disable-…`, `cancel-…`): each is undone by its
 * counterpart (`add-…`, `register-…`, `enable-…`) and loses nothing.
 */

const AWS_VERBS = ["delete-", "batch-delete-", "terminate-", "purge-", "destroy-"];
/** One record, message or object in a store, or a resource's tags. */
const AWS_RECORD_LEVEL = new Set([
  "delete-item",
  "delete-object",
  "delete-objects",
  "delete-message",
  "delete-message-batch",
  "delete-attributes",
  "batch-delete-attributes",
  "delete-tags",
  "delete-change-set",
]);
const AWS_TAGS = /-(?:tags|tagging)$/;
/** Command groups and sub-groups: lowercase words with dashes. */
const GROUP = /^[a-z][a-z0-9-]*$/;
/** How deep a verb may sit: `compute instance-groups managed delete` is four words in. */
const MAX_DEPTH = 5;

/** `aws sesv2 delete-email-identity`, `aws emr terminate-clusters`. */
export function awsFallback(operation: string): boolean {
  return AWS_VERBS.some((verb) => operation.startsWith(verb)) && !AWS_RECORD_LEVEL.has(operation) && !AWS_TAGS.test(operation);
}

/** Command words up to and including the first word that is one of `verbs`, when every word before it is a group name. */
export function verbPath(words: readonly string[], verbs: ReadonlySet<string>): readonly string[] | undefined {
  for (let k = 1; k < Math.min(words.length, MAX_DEPTH + 1); k += 1) {
    const word = words[k] ?? "";
    if (verbs.has(word)) return words.slice(0, k + 1);
    if (!GROUP.test(word)) return undefined;
  }
  return undefined;
}

const GCLOUD_VERBS = new Set(["delete", "destroy"]);
/** gcloud's own local configurations. */
const GCLOUD_LOCAL = new Set(["config configurations delete"]);

/** `gcloud pubsub snapshots delete s`, `gcloud beta firestore indexes composite delete 123`. */
export function gcloudFallback(words: readonly string[]): readonly string[] | undefined {
  const path = verbPath(words, GCLOUD_VERBS);
  return path == null || GCLOUD_LOCAL.has(path.join(" ")) ? undefined : path;
}

const AZ_VERBS = new Set(["delete", "purge"]);
/** One blob, file, message or table entity; a CDN's cache; the CLI's own cache. */
const AZ_RECORD_LEVEL = new Set([
  "storage blob delete",
  "storage file delete",
  "storage fs file delete",
  "storage message delete",
  "storage entity delete",
  "cdn endpoint purge",
  "afd endpoint purge",
  "cache delete",
  "cache purge",
]);

/** `az functionapp slot delete`, `az appconfig purge`. */
export function azFallback(words: readonly string[]): readonly string[] | undefined {
  const path = verbPath(words, AZ_VERBS);
  return path == null || AZ_RECORD_LEVEL.has(path.join(" ")) ? undefined : path;
}

const DOCTL_VERBS = new Set(["delete"]);

/** `doctl compute ssh-key delete` (words already un-aliased: `rm` and `d` read as `delete`). */
export function doctlFallback(words: readonly string[]): readonly string[] | undefined {
  return verbPath(words, DOCTL_VERBS);
}
