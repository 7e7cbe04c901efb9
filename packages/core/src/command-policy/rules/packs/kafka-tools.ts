import type { ParsedOptions } from "../../shell/parse-options.js";
import type { ServiceCli, ServiceFinding } from "./service-pack.js";

/**
 * Apache Kafka's admin scripts (`kafka-topics`, `kafka-topics.sh`, `kafka-topics.bat`, …): each is
 * one program whose options say what it does. Deleting a topic or its records loses the messages
 * for good, and so does shrinking a topic's retention to almost nothing (the usual way to "purge"
 * a topic). A consumer group's offsets are asked: the messages stay, consumers reprocess or skip them.
 */

const KAFKA_VALUES = [
  "bootstrap-server",
  "command-config",
  "topic",
  "group",
  "entity-type",
  "entity-name",
  "add-config",
  "delete-config",
  "offset-json-file",
  "application-id",
  "input-topics",
  "to-offset",
  "to-datetime",
  "by-duration",
  "shift-by",
  "zookeeper",
];

/** Below an hour of retention (or a megabyte per partition) the broker soon deletes what the topic holds. */
const TINY_RETENTION: readonly (readonly [RegExp, number])[] = [
  [/(?:^|,)(?:log\.)?retention\.ms=(\d+)(?:,|$)/, 3_600_000],
  [/(?:^|,)(?:log\.)?retention\.bytes=(\d+)(?:,|$)/, 1_048_576],
];

/** A retention of under an hour or a megabyte in `retention.ms=1000,…` (`--add-config`, rpk's `--set`). */
export function shrinksRetention(configs: string): string | undefined {
  for (const [pattern, floor] of TINY_RETENTION) {
    const match = pattern.exec(configs);
    if (match != null && Number(match[1]) < floor) return match[0].replace(/^,|,$/g, "");
  }
  return undefined;
}

type KafkaRead = (name: string, options: ParsedOptions) => ServiceFinding | undefined;

const READS: Readonly<Record<string, KafkaRead>> = {
  "kafka-topics": (name, o) => (o.long.has("delete") ? { tier: "deny", detail: `${name} --delete` } : undefined),
  "kafka-delete-records": (name, o) =>
    o.long.has("offset-json-file") ? { tier: "deny", detail: `${name} --offset-json-file` } : undefined,
  "kafka-configs": (name, o) => {
    const added = o.long.get("add-config");
    const shrunk = o.long.has("alter") && typeof added === "string" ? shrinksRetention(added) : undefined;
    return shrunk == null ? undefined : { tier: "deny", detail: `${name} --alter --add-config ${shrunk}` };
  },
  "kafka-consumer-groups": (name, o) => {
    if (o.long.has("delete")) return { tier: "ask", detail: `${name} --delete` };
    if (o.long.has("delete-offsets")) return { tier: "ask", detail: `${name} --delete-offsets` };
    // Without `--execute`, `--reset-offsets` only shows the plan.
    if (o.long.has("reset-offsets") && o.long.has("execute")) return { tier: "ask", detail: `${name} --reset-offsets --execute` };
    return undefined;
  },
  "kafka-streams-application-reset": (name, o) =>
    o.long.has("application-id") ? { tier: "ask", detail: `${name} --application-id` } : undefined,
};

/** The scripts under each name they are installed as: `kafka-topics`, `kafka-topics.sh`, `kafka-topics.bat`. */
export const KAFKA_CLIS: Readonly<Record<string, ServiceCli>> = Object.fromEntries(
  Object.entries(READS).flatMap(([base, read]) =>
    ["", ".sh", ".bat"].map((suffix) => {
      const cli: ServiceCli = { options: { valueLong: KAFKA_VALUES }, read: (_words, options, cmd) => read(cmd.name, options) };
      return [`${base}${suffix}`, cli] as const;
    }),
  ),
);
