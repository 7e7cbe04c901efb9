import type { SimpleCommand } from "../../command-types.js";
import { hasOption, optionValue, type ParsedOptions } from "../../shell/parse-options.js";
import type { RuleContext } from "../rule-context.js";
import { defineServicePack, type ServiceFinding } from "./service-pack.js";
import { findSqlHazards } from "./sql-statements.js";

/**
 * CDNs and edge platforms: Cloudflare's wrangler (Workers, KV, R2, D1, Queues, Pages), flarectl
 * and cloudflared, and the Fastly CLI. A whole data store (a KV namespace, a D1 database, a
 * Vectorize index, a Fastly KV / config / secret store, or every entry of one) is denied: its data
 * cannot be got back. A worker, a site, a queue, one key or one object is asked, and so is purging
 * a whole cache (the origin takes the full load). Deploying, listing, reading keys and purging
 * one URL are left alone.
 */

const WRANGLER_VALUES = {
  value: "ce",
  valueLong: ["config", "env", "cwd", "env-file", "namespace-id", "binding", "name", "jurisdiction", "file", "command", "persist-to"],
};
const FASTLY_VALUES = {
  value: "stok",
  valueLong: ["service-id", "service-name", "token", "profile", "version", "store-id", "key", "url", "file", "name", "id"],
};

/** `wrangler d1 execute DB --remote --command "DROP TABLE users"` (or `--file`); the local dev database is left alone. */
function readWrangler(words: readonly string[], options: ParsedOptions, cmd: SimpleCommand, rc: RuleContext): ServiceFinding | undefined {
  if (words[0] !== "d1" || words[1] !== "execute" || !options.long.has("remote")) return undefined;
  const command = optionValue(options, "", ["command"]);
  const file = optionValue(options, "", ["file"]);
  const sql = command ?? (file == null ? undefined : rc.readFile(file, cmd));
  const hazards = sql == null ? [] : findSqlHazards(sql);
  const drop = hazards.find((h) => h.hazard === "drop");
  if (drop != null) return { tier: "deny", detail: `wrangler d1 execute --remote: ${drop.statement}` };
  const first = hazards[0];
  return first == null ? undefined : { tier: "ask", detail: `wrangler d1 execute --remote: ${first.statement}` };
}

/** `fastly purge --all`; `fastly kv-store-entry delete --all` empties the store. */
function readFastly(words: readonly string[], options: ParsedOptions): ServiceFinding | undefined {
  const all = hasOption(options, "", ["all"]);
  if (words[0] === "purge") return all ? { tier: "ask", detail: "fastly purge --all" } : undefined;
  if (all && words[1] === "delete" && /^(?:kv|config|secret)-store-entry$/.test(words[0] ?? ""))
    return { tier: "deny", detail: `fastly ${words[0] ?? ""} delete --all` };
  return undefined;
}

export const cdnPack = defineServicePack({
  id: "cdn",
  title: "CDNs and edge platforms: wrangler, flarectl, cloudflared, fastly",
  category: "destructive-cloud",
  reasons: {
    deny: "it deletes a whole edge data store (a KV namespace, a D1 database, a Vectorize index, a Fastly KV / config / secret store or all its entries) or drops D1 tables: the data cannot be got back",
    ask: "it deletes a worker, a site, a queue, a secret, one key or object, or purges a whole CDN cache",
  },
  clis: {
    wrangler: {
      options: WRANGLER_VALUES,
      read: readWrangler,
      verbs: {
        deny: ["kv namespace delete", "kv:namespace delete", "kv bulk delete", "kv:bulk delete", "d1 delete", "vectorize delete"],
        ask: [
          "delete",
          "kv key delete",
          "kv:key delete",
          "r2 bucket delete",
          "r2 object delete",
          "queues delete",
          "secret delete",
          "versions secret delete",
          "pages project delete",
          "pages deployment delete",
          "dispatch-namespace delete",
          "hyperdrive delete",
        ],
      },
    },
    fastly: {
      options: FASTLY_VALUES,
      read: readFastly,
      verbs: {
        deny: ["kv-store delete", "config-store delete", "secret-store delete"],
        ask: [
          "service delete",
          "service-version deactivate",
          "kv-store-entry delete",
          "config-store-entry delete",
          "secret-store-entry delete",
          "dictionary-entry delete",
          "acl-entry delete",
        ],
      },
    },
    flarectl: {
      options: { valueLong: ["zone", "id", "account-id"] },
      read: (words, options) =>
        words[0] === "zone" && words[1] === "purge" && hasOption(options, "", ["everything"])
          ? { tier: "ask", detail: "flarectl zone purge --everything" }
          : undefined,
    },
    cloudflared: {
      options: { valueLong: ["config", "origincert", "loglevel", "logfile", "credentials-file", "cred-file"] },
      verbs: { deny: [], ask: ["tunnel delete"] },
    },
  },
});
