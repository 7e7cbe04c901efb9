import type { SimpleCommand } from "../../command-types.js";
import { defineServicePack, type ServiceCli, type ServiceFinding, type ServiceTier } from "./service-pack.js";
import { findVerb, type VerbTable } from "./verb-table.js";

/**
 * Monitoring and observability: Splunk's CLI wiping indexed data (`splunk clean eventdata`,
 * `splunk remove index`, a search piped to `| delete`), which is denied; deleting monitors,
 * dashboards, workloads, deployment markers and releases (Datadog's `dog`, New Relic, sentry-cli),
 * muting every monitor or disabling a PagerDuty service, and the Prometheus (or VictoriaMetrics)
 * admin API deleting series, which are asked. Searching, listing and posting are left alone.
 */

const TIERS: readonly ServiceTier[] = ["deny", "ask"];
/** splunk's options, written with one dash, that take a value: `-auth admin:pass`, `-index main`. */
const SPLUNK_VALUED = new Set([
  "-auth",
  "-index",
  "-uri",
  "-app",
  "-owner",
  "-maxout",
  "-output",
  "-earliest_time",
  "-latest_time",
  "-timeout",
]);
const SPLUNK_VERBS: VerbTable<ServiceTier> = {
  deny: ["clean eventdata", "clean all", "clean kvstore", "remove index"],
  ask: ["clean userdata", "clean globaldata", "clean inputdata", "remove user"],
};
/** A search that pipes its events to `delete`, which makes them unsearchable for good. */
const SEARCH_DELETE = /\|\s*delete\b/i;
/** Prometheus and VictoriaMetrics: `POST /api/v1/admin/tsdb/delete_series?match[]=…`, `clean_tombstones`. */
const TSDB_DELETE = /\/api\/v1\/admin\/tsdb\/(delete_series|clean_tombstones)\b/;

function splunkWords(args: readonly string[]): string[] {
  const words: string[] = [];
  for (let k = 0; k < args.length; k += 1) {
    const word = args[k] ?? "";
    if (SPLUNK_VALUED.has(word)) k += 1;
    else if (!word.startsWith("-")) words.push(word);
  }
  return words;
}

function readSplunk(_words: readonly string[], _options: unknown, cmd: SimpleCommand): ServiceFinding | undefined {
  const words = splunkWords(cmd.args);
  if (words[0] === "search" && SEARCH_DELETE.test(words[1] ?? "")) return { tier: "deny", detail: "splunk search … | delete" };
  const found = findVerb(SPLUNK_VERBS, TIERS, words);
  return found == null ? undefined : { tier: found.tier, detail: ["splunk", ...found.words].join(" ") };
}

/** An HTTP client sent to the TSDB admin API's deleting endpoints. */
const TSDB_CLIENT: ServiceCli = {
  read: (_words, _options, cmd) => {
    const endpoint = cmd.args.map((a) => TSDB_DELETE.exec(a)?.[1]).find((e) => e != null);
    return endpoint == null ? undefined : { tier: "ask", detail: `${cmd.name} …/api/v1/admin/tsdb/${endpoint}` };
  },
};

export const monitoringPack = defineServicePack({
  id: "monitoring",
  title: "monitoring and observability: splunk, dog (Datadog), newrelic, sentry-cli, pd (PagerDuty), the Prometheus admin API",
  category: "destructive-cloud",
  reasons: {
    deny: "it deletes indexed log and event data (splunk clean eventdata / kvstore, splunk remove index, a search piped to delete): it cannot be got back",
    ask: "it deletes a monitor, a dashboard, a workload, a release or metric series, or silences alerting (every monitor muted, a PagerDuty service disabled)",
  },
  clis: {
    splunk: { read: readSplunk },
    dog: {
      options: { valueLong: ["config", "api-key", "application-key", "api_key", "application_key", "timeout"] },
      verbs: {
        deny: [],
        ask: ["monitor delete", "monitor mute_all", "dashboard delete", "timeboard delete", "screenboard delete", "dashboard_list delete"],
      },
    },
    newrelic: {
      options: { value: "pa", valueLong: ["profile", "accountId", "format"] },
      verbs: { deny: [], ask: ["apm deployment delete", "workload delete"] },
    },
    "sentry-cli": {
      options: { value: "op", valueLong: ["org", "project", "auth-token", "url", "log-level", "header"] },
      verbs: { deny: [], ask: ["releases delete", "releases files * delete"] },
    },
    pd: {
      options: { valueLong: ["profile", "token"] },
      verbs: { deny: [], ask: ["service:disable", "service disable", "rest:delete", "rest delete"] },
    },
    curl: TSDB_CLIENT,
    wget: TSDB_CLIENT,
    http: TSDB_CLIENT,
    https: TSDB_CLIENT,
    xh: TSDB_CLIENT,
  },
});
