import { hasOption } from "../../shell/parse-options.js";
import { KAFKA_CLIS, shrinksRetention } from "./kafka-tools.js";
import { defineServicePack, type ServiceCli } from "./service-pack.js";

/**
 * Message brokers: Kafka's scripts, Redpanda's `rpk`, RabbitMQ's `rabbitmqctl` and `rabbitmqadmin`,
 * and NATS (`nats`). Deleting or purging a topic, stream or queue (or a whole vhost, a NATS KV or
 * object bucket) loses the messages not yet consumed, for good: denied. Deleting a consumer group,
 * a consumer, a user, one key or one message, or moving a group's offsets, is asked: the messages
 * stay, and it is often what the user meant.
 */

const rpk: ServiceCli = {
  options: { value: "X", valueLong: ["brokers", "config", "profile", "regex"] },
  verbs: {
    deny: ["topic delete", "topic trim-prefix"],
    ask: ["group delete", "group seek", "security user delete", "acl user delete"],
  },
  // `rpk topic alter-config t --set retention.ms=1000`: the broker soon deletes what the topic holds.
  read: (words, _options, cmd) => {
    if (words[0] !== "topic" || words[1] !== "alter-config") return undefined;
    const sets = cmd.args.flatMap((a, k) =>
      a === "--set" || a === "-s" ? [cmd.args[k + 1] ?? ""] : a.startsWith("--set=") ? [a.slice(6)] : [],
    );
    const shrunk = shrinksRetention(sets.join(","));
    return shrunk == null ? undefined : { tier: "deny", detail: `rpk topic alter-config --set ${shrunk}` };
  },
};

const rabbitmqctl: ServiceCli = {
  options: { value: "npt", valueLong: ["node", "vhost", "timeout"] },
  verbs: {
    deny: ["delete_queue", "purge_queue", "delete_vhost", "reset", "force_reset"],
    ask: ["delete_user", "clear_permissions", "forget_cluster_node"],
  },
  // `--if-empty` deletes the queue only when no message is left in it.
  read: (words, options) =>
    words[0] === "delete_queue" && hasOption(options, "e", ["if-empty"])
      ? { tier: "ask", detail: "rabbitmqctl delete_queue --if-empty" }
      : undefined,
};

/** rabbitmqadmin 1.x (`delete queue name=q`) and 2.x (`queues delete --name q`, also `delete queue --name q`). */
const rabbitmqadmin: ServiceCli = {
  options: {
    value: "cNHPVupfdS",
    valueLong: [
      "config",
      "node",
      "host",
      "port",
      "path-prefix",
      "vhost",
      "username",
      "password",
      "format",
      "depth",
      "sort",
      "base-uri",
      "name",
    ],
  },
  verbs: {
    deny: [
      "delete queue",
      "purge queue",
      "delete vhost",
      "delete stream",
      "queues delete",
      "queues purge",
      "vhosts delete",
      "streams delete",
    ],
    ask: [
      "delete exchange",
      "delete user",
      "delete binding",
      "delete policy",
      "delete permission",
      "exchanges delete",
      "users delete",
      "bindings delete",
      "policies delete",
      "permissions delete",
    ],
  },
};

const NATS_DELETES = ["rm", "delete", "del"];
const NATS_VERBS = (groups: readonly string[], verbs: readonly string[]): string[] =>
  groups.flatMap((group) => verbs.map((verb) => `${group} ${verb}`));

/** natscli: `nats kv del BUCKET` removes the whole bucket, `nats kv del BUCKET KEY` one key (object stores alike). */
const nats: ServiceCli = {
  options: {
    value: "s",
    valueLong: [
      "server",
      "user",
      "password",
      "creds",
      "context",
      "nkey",
      "tlscert",
      "tlskey",
      "tlsca",
      "timeout",
      "js-domain",
      "jwt",
      "seed",
    ],
  },
  verbs: {
    deny: NATS_VERBS(["stream", "str"], [...NATS_DELETES, "purge"]),
    ask: [...NATS_VERBS(["stream", "str"], ["rmm"]), ...NATS_VERBS(["consumer", "con"], NATS_DELETES), "kv purge"],
  },
  read: (words) => {
    const [group = "", verb = "", bucket, key] = words;
    if (!["kv", "object", "obj"].includes(group) || !NATS_DELETES.includes(verb) || bucket == null) return undefined;
    return key == null
      ? { tier: "deny", detail: `nats ${group} ${verb} ${bucket} (the whole bucket)` }
      : { tier: "ask", detail: `nats ${group} ${verb} ${bucket} ${key}` };
  },
};

export const messagingPack = defineServicePack({
  id: "messaging",
  title: "message brokers: kafka-*, rpk, rabbitmqctl, rabbitmqadmin, nats",
  category: "destructive-data",
  reasons: {
    deny: "it deletes or purges a topic, stream, queue, vhost or bucket (or shrinks a topic's retention so the broker does): messages not yet consumed are lost for good",
    ask: "it deletes a consumer group, consumer, user, exchange, one key or one message, or moves a group's offsets: the messages stay, and consumers reprocess or skip them",
  },
  clis: { ...KAFKA_CLIS, rpk, rabbitmqctl, rabbitmqadmin, nats },
});
