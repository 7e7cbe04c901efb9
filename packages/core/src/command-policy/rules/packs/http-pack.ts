import type { SimpleCommand } from "../../command-types.js";
import type { RuleContext } from "../rule-context.js";
import { readHttpRequest, type HttpRequest } from "./http-requests.js";
import { checkFound, definePack } from "./rule-pack.js";
import type { ServiceFinding, ServiceTier } from "./service-pack.js";

/**
 * Deleting through an HTTP API with curl, wget, HTTPie or xh: many services are administered that
 * way (Elasticsearch/OpenSearch, Meilisearch, Typesense, Solr, Kong's admin API, Consul, mail and
 * payment APIs). A DELETE request is asked; a wipe that its URL or body says is total is denied:
 * `_all` or a wildcard in the path, `_delete_by_query` with `match_all` (or `q=*`), a Solr update
 * deleting `*:*`, Consul's or etcd's key store deleted recursively from its root, a
 * `delete_all…=true` parameter (SendGrid's contacts). GET, POST, PUT and HEAD requests are left
 * alone, except the delete-by-query and Solr calls that delete.
 */

const EVERYTHING_QUERY = /\bmatch_all\b/;
const Q_EVERYTHING = /(?:^|&)q=(?:\*|\*:\*|%2A)(?:&|$)/i;
/** Solr's update handler given a delete: `<delete>…`, `{"delete": {"query": …}}`, `{"delete": ["id"]}`, `{"delete": "id"}`. */
const SOLR_DELETE = /<delete>|"delete"\s*:\s*[{["]/;
const SOLR_UPDATE = new Set(["update", "json", "xml"]);
const SOLR_EVERYTHING = /\*:\*/;
/** The root of Consul's (v1) or etcd's (v2) key store. */
const KEY_STORE_ROOT = /^\/v1\/kv\/?$|^\/v2\/keys\/?$/;
const RECURSIVE = /(?:^|&)recurs(?:e|ive)(?:=true|=)?(?:&|$)/i;
/** `?delete_all_contacts=true` (SendGrid) and the like. */
const DELETE_ALL_PARAM = /(?:^|&)delete_?all[a-z_]*=true(?:&|$)/i;
const HELP = new Set(["--help", "--manual"]);

interface Target {
  readonly segments: readonly string[];
  readonly path: string;
  readonly query: string;
}

export function findHttpDeletion(cmd: SimpleCommand, rc: RuleContext): ServiceFinding | undefined {
  if (cmd.args.some((a) => HELP.has(a)) || ((cmd.name === "curl" || cmd.name === "wget") && cmd.args.includes("-h"))) return undefined;
  const request = readHttpRequest(cmd, rc);
  if (request == null) return undefined;
  const urls = request.urls.length > 0 ? request.urls : [""];
  const found = urls.map((url) => judge(request, url, splitUrl(url))).filter((f) => f != null);
  const worst = found.find((f) => f.tier === "deny") ?? found[0];
  return worst == null ? undefined : { tier: worst.tier, detail: `${cmd.name} ${worst.detail}` };
}

function judge(request: HttpRequest, url: string, target: Target): ServiceFinding | undefined {
  const { method, body } = request;
  const call = `${method} ${url}`.trim();
  const sent = `${body}\n${target.query}`;
  if (target.segments.includes("_delete_by_query")) {
    const all = EVERYTHING_QUERY.test(body) || Q_EVERYTHING.test(target.query);
    return all ? finding("deny", `${call}, match_all: every document`) : finding("ask", call);
  }
  if (isSolrUpdate(target.segments) && SOLR_DELETE.test(sent)) {
    const all = SOLR_EVERYTHING.test(sent);
    return all ? finding("deny", `${call}, a delete of *:*: every document`) : finding("ask", `${call}, a delete`);
  }
  const solrAdmin = solrAdminDeletion(target);
  if (solrAdmin != null) return finding("ask", `${call}, ${solrAdmin}`);
  if (method !== "DELETE") return undefined;
  const wildcard = target.segments.find((s) => s === "_all" || s.includes("*"));
  if (wildcard != null) return finding("deny", `${call}, ${wildcard} matches everything`);
  if (KEY_STORE_ROOT.test(target.path) && RECURSIVE.test(target.query)) return finding("deny", `${call}, the whole key store`);
  if (DELETE_ALL_PARAM.test(target.query)) return finding("deny", `${call}, everything of its kind`);
  return finding("ask", call);
}

/** `/solr/core/update`, `/solr/core/update/json`. */
function isSolrUpdate(segments: readonly string[]): boolean {
  const at = segments.lastIndexOf("update");
  return at >= 0 && segments.slice(at + 1).every((s) => SOLR_UPDATE.has(s));
}

/** Solr's collections and cores API deletes with a GET: `action=DELETE`, `action=UNLOAD&deleteIndex=true`. */
function solrAdminDeletion(target: Target): string | undefined {
  const [last, admin] = [target.segments[target.segments.length - 1], target.segments[target.segments.length - 2]];
  if (admin !== "admin") return undefined;
  const params = new URLSearchParams(target.query);
  const action = params.get("action")?.toUpperCase();
  if (last === "collections" && action === "DELETE") return "deletes a collection";
  const dropsData = ["deleteIndex", "deleteDataDir", "deleteInstanceDir"].some((k) => params.get(k) === "true");
  return last === "cores" && action === "UNLOAD" && dropsData ? "unloads a core and deletes its data" : undefined;
}

function finding(tier: ServiceTier, detail: string): ServiceFinding {
  return { tier, detail };
}

/** The path and query of `https://host/p?q`, `host:9200/p`, `:9200/p` (HTTPie) or `$ES/p`; decoded where it can be. */
export function splitUrl(url: string): Target {
  const scheme = url.indexOf("://");
  const rest = scheme < 0 ? url : url.slice(scheme + 3);
  const start = rest.search(/[/?#]/);
  const tail = start < 0 ? "" : rest.slice(start).replace(/#.*$/, "");
  const mark = tail.indexOf("?");
  const path = decode(mark < 0 ? tail : tail.slice(0, mark));
  const query = mark < 0 ? "" : decode(tail.slice(mark + 1));
  return { path, query, segments: path.split("/").filter((s) => s !== "") };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const hits = (tier: ServiceTier) => checkFound(findHttpDeletion, (found) => found.tier === tier);

export const httpPack = definePack("http", "HTTP API deletions: curl, wget, HTTPie, xh", [
  {
    id: "http.destroy",
    severity: "critical",
    action: "deny",
    category: "destructive-service",
    reason:
      "it deletes through an HTTP API everything a wildcard or `_all` matches (every Elasticsearch/OpenSearch index), every document (`_delete_by_query` with match_all, a Solr delete of *:*) or a whole key store, which cannot be got back",
    check: hits("deny"),
  },
  {
    id: "http.delete",
    severity: "high",
    action: "ask",
    category: "destructive-service",
    reason:
      "it deletes through an HTTP API (a DELETE request, a delete-by-query): removing one thing through an API is often what the user meant",
    check: hits("ask"),
  },
]);
