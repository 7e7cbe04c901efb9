import type { ParsedOptions } from "../../shell/parse-options.js";
import type { ServiceCli, ServiceFinding } from "./service-pack.js";
import { defineServicePack } from "./service-pack.js";

/**
 * Search engines' own CLIs. Denied: Elasticsearch's and OpenSearch's node tools that give up data
 * to save a cluster (`elasticsearch-node unsafe-bootstrap`, `detach-cluster`, `repurpose`,
 * `elasticsearch-shard remove-corrupted-data`), Curator deleting every index or snapshot (a
 * `filtertype: none` filter), Solr's ZooKeeper tree (`solr zk rm -r /`, `/configs`, `/collections`) and a delete of
 * `*:*` posted to Solr. Asked: deleting or clearing one Algolia index, objects, rules, synonyms or
 * API keys, Curator's other deletions, `solr delete -c`, other `solr zk rm`, a Solr delete by id or
 * query. Search indices can often be rebuilt from the primary store, so one index is asked.
 * Elasticsearch/OpenSearch, Meilisearch and Typesense have no CLI that deletes: their REST calls
 * are the http pack's.
 */

const SOLR_DELETE = /<delete>|"delete"\s*:/;
const SOLR_EVERYTHING = /\*:\*/;
const FILTER_NONE = /["']?filtertype["']?\s*:\s*["']?none\b/;
const CURATOR_DELETES = new Set(["delete_indices", "delete_snapshots"]);
/** Solr's ZooKeeper tree, or every collection's state or configuration in it. */
const ZK_WHOLE = /^(?:zk:)?\/(?:(?:configs|collections)\/?)?$/;

const NODE_TOOL: ServiceCli = {
  options: { value: "E" },
  verbs: { deny: ["unsafe-bootstrap", "detach-cluster", "repurpose"], ask: ["remove-settings", "remove-customs", "override-version"] },
};
const SHARD_TOOL: ServiceCli = {
  options: { value: "E", valueLong: ["index", "shard-id", "dir"] },
  verbs: { deny: ["remove-corrupted-data"], ask: [] },
};

/** `curator_cli delete_indices --filter_list '{"filtertype":"none"}'` matches every index. */
function readCuratorCli(words: readonly string[], options: ParsedOptions): ServiceFinding | undefined {
  const action = words[0] ?? "";
  if (!CURATOR_DELETES.has(action)) return undefined;
  const filters = options.long.get("filter_list");
  const all = typeof filters === "string" && FILTER_NONE.test(filters);
  return all
    ? { tier: "deny", detail: `curator_cli ${action} with filtertype none: every one` }
    : { tier: "ask", detail: `curator_cli ${action}` };
}

/** Solr's `bin/post -c core -d '<delete>…'` (and `solr post`): a delete of `*:*` empties the core. */
function postedDelete(program: string, args: readonly string[]): ServiceFinding | undefined {
  const data = args.join(" ");
  if (!SOLR_DELETE.test(data)) return undefined;
  return SOLR_EVERYTHING.test(data)
    ? { tier: "deny", detail: `${program}: a delete of *:*, every document` }
    : { tier: "ask", detail: `${program}: a delete` };
}

function readSolr(words: readonly string[], options: ParsedOptions, args: readonly string[]): ServiceFinding | undefined {
  const [verb, sub] = words;
  if (verb === "delete") return { tier: "ask", detail: "solr delete" };
  if (verb === "post") return postedDelete("solr post", args);
  if (verb !== "zk" || sub !== "rm") return undefined;
  const recursive = options.short.has("r") || options.long.has("recursive");
  const whole = words.slice(2).find((w) => ZK_WHOLE.test(w));
  return recursive && whole != null
    ? { tier: "deny", detail: `solr zk rm -r ${whole}: every collection's state or configuration` }
    : { tier: "ask", detail: "solr zk rm" };
}

export const searchPack = defineServicePack({
  id: "search",
  title: "search engines: Algolia CLI, elasticsearch-node/-shard, opensearch-node/-shard, Curator, Solr",
  category: "destructive-service",
  reasons: {
    deny: "it deletes every index or document of a search cluster, or gives up data to recover one (elasticsearch-node unsafe-bootstrap, detach-cluster), which cannot be got back",
    ask: "it deletes or clears a search index, its documents or settings: often meant, and an index can usually be rebuilt from its source",
  },
  clis: {
    algolia: {
      options: {
        value: "p",
        valueLong: ["profile", "application-id", "api-key", "admin-api-key", "output", "object-ids", "filters", "rule-ids", "synonym-ids"],
      },
      verbs: {
        deny: [],
        ask: [
          "indices delete",
          "indices clear",
          "objects delete",
          "rules delete",
          "synonyms delete",
          "apikeys delete",
          "dictionary entries clear",
          "dictionary entries delete",
        ],
      },
    },
    "elasticsearch-node": NODE_TOOL,
    "opensearch-node": NODE_TOOL,
    "elasticsearch-shard": SHARD_TOOL,
    "opensearch-shard": SHARD_TOOL,
    curator_cli: {
      options: {
        valueLong: [
          "config",
          "host",
          "port",
          "url_prefix",
          "http_auth",
          "certificate",
          "client_cert",
          "client_key",
          "timeout",
          "loglevel",
          "logfile",
          "logformat",
          "filter_list",
          "name",
          "repository",
        ],
      },
      read: readCuratorCli,
    },
    solr: {
      options: { value: "czpdsnm", valueLong: ["zk-host", "solr-url", "name", "collection", "credentials"] },
      read: (words, options, cmd) => readSolr(words, options, cmd.args),
    },
    post: { read: (_words, _options, cmd) => (cmd.args.includes("-c") ? postedDelete("post", cmd.args) : undefined) },
  },
});
