import type { SimpleCommand } from "../../command-types.js";
import type { ParsedOptions } from "../../shell/parse-options.js";
import type { RuleContext } from "../rule-context.js";
import { defineServicePack, type ServiceCli, type ServiceFinding } from "./service-pack.js";

/**
 * API gateways and load balancers. Denied: wiping a gateway's whole configuration (Kong's decK
 * `deck reset` / `deck gateway reset`, `kong migrations reset`, which drops Kong's database).
 * Asked: syncing a declarative file to the gateway (`deck sync`, `deck gateway sync`, `tyk-sync
 * sync`), which deletes whatever the file lacks, a reset limited by `--select-tag`, and HAProxy
 * runtime API commands piped to its socket through socat or nc that take traffic away (`disable
 * server`, `shutdown sessions`, `del server`, `clear table`, `set server … state maint`). Kong's
 * admin API and HAProxy's Data Plane API are called with curl: the http pack's. Diffs, dumps,
 * validation, `deck gateway apply` (which deletes nothing) and `show …` on the socket are left
 * alone, and so are `nginx -s stop` and Traefik, which lose no configuration.
 */

/** HAProxy runtime API commands that take servers, frontends or sessions out, or empty a table, map or ACL. */
const HAPROXY_COMMANDS =
  /^(?:disable (?:server|frontend)|shutdown (?:sessions?|frontend)|del server|clear (?:table|map|acl)|set server \S+ state (?:maint|drain))\b/;
const SOCKET_CLIENTS = ["socat", "nc", "ncat", "netcat"];

function readDeck(words: readonly string[], options: ParsedOptions): ServiceFinding | undefined {
  const verb = words[0] === "gateway" || words[0] === "konnect" ? words.slice(0, 2).join(" ") : (words[0] ?? "");
  const action = verb.split(" ").at(-1);
  if (action === "reset")
    return options.long.has("select-tag") ? { tier: "ask", detail: `deck ${verb} --select-tag` } : { tier: "deny", detail: `deck ${verb}` };
  return action === "sync" ? { tier: "ask", detail: `deck ${verb}` } : undefined;
}

/** The runtime API commands fed to socat or nc (`echo "disable server be/s1" | socat stdio /run/haproxy.sock`). */
function readHaproxySocket(cmd: SimpleCommand, rc: RuleContext): ServiceFinding | undefined {
  const text = rc.readStdin(cmd);
  if (text == null) return undefined;
  const found = text
    .split(/[;\n]/)
    .map((line) => line.trim().replace(/\s+/g, " "))
    .find((line) => HAPROXY_COMMANDS.test(line));
  return found == null ? undefined : { tier: "ask", detail: `${cmd.name}: ${found}` };
}

const SOCKET_CLIENT: ServiceCli = { read: (_words, _options, cmd, rc) => readHaproxySocket(cmd, rc) };

export const gatewayPack = defineServicePack({
  id: "gateway",
  title: "API gateways and load balancers: Kong decK and kong, tyk-sync, the HAProxy runtime API",
  category: "destructive-service",
  reasons: {
    deny: "it wipes an API gateway's whole configuration (every service, route, consumer and plugin), taking down every API behind it",
    ask: "it deletes part of a gateway's configuration (a sync removes whatever the file lacks) or takes servers, sessions or table entries out of a load balancer: often meant",
  },
  clis: {
    deck: {
      options: {
        value: "sw",
        valueLong: [
          "kong-addr",
          "headers",
          "workspace",
          "select-tag",
          "state",
          "konnect-addr",
          "konnect-token",
          "konnect-token-file",
          "konnect-control-plane-name",
          "konnect-runtime-group-name",
          "ca-cert",
          "ca-cert-file",
          "tls-server-name",
          "tls-client-cert",
          "tls-client-key",
          "tls-client-cert-file",
          "tls-client-key-file",
          "config",
          "parallelism",
          "timeout",
          "analytics",
        ],
      },
      read: readDeck,
    },
    kong: {
      options: { value: "cp", valueLong: ["conf", "prefix", "db-timeout", "lock-timeout"] },
      verbs: { deny: ["migrations reset"], ask: [] },
    },
    "tyk-sync": {
      options: {
        value: "dsbopk",
        valueLong: ["dashboard", "gateway", "secret", "branch", "org", "path", "key", "tags", "policies", "apis"],
      },
      verbs: { deny: [], ask: ["sync"] },
    },
    ...Object.fromEntries(SOCKET_CLIENTS.map((name) => [name, SOCKET_CLIENT])),
  },
});
