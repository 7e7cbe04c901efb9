import type { SimpleCommand } from "../../command-types.js";
import { hasOption, optionValue, parseOptions, type ParsedOptions } from "../../shell/parse-options.js";
import type { RuleContext } from "../rule-context.js";
import { defineServicePack, type ServiceFinding } from "./service-pack.js";

/**
 * DNS records: deleting record sets with gcloud, az, doctl, aws route53 (a change batch with a
 * `DELETE`, inline or from a `file://`), nsupdate scripts, flarectl, cli53, lexicon and vercel;
 * pushing a whole zone from config (`octodns-sync --doit`, `dnscontrol push`), which deletes what
 * the config leaves out. Emptying a zone (`gcloud dns record-sets import --delete-all-existing`,
 * `cli53 rrpurge`) or deleting a registered domain is denied. Deleting a whole hosted zone is the
 * cloud pack's (`route53 delete-hosted-zone`, `dns managed-zones delete`); flarectl and cli53 zone
 * deletes, which it does not know, are here.
 */

const GCLOUD_VALUES = { valueLong: ["project", "account", "configuration", "format", "zone", "type", "flags-file"] };
const AZ_VALUES = {
  value: "gnoz",
  valueLong: ["subscription", "output", "query", "resource-group", "name", "zone-name", "record-set-name"],
};
const AWS_VALUES = {
  valueLong: ["region", "profile", "output", "endpoint-url", "query", "hosted-zone-id", "change-batch", "cli-input-json", "domain-name"],
};
const DOCTL_VALUES = { value: "tocu", valueLong: ["access-token", "context", "output", "config", "api-url", "record-id"] };
/** nsupdate's options that take a value (`-k keyfile`, `-y name:secret`, `-t timeout`, …). */
const NSUPDATE_VALUES = { value: "kLprRtuy" };
const RELEASE_TRACKS = new Set(["alpha", "beta", "preview"]);
/** An nsupdate command that deletes: `update delete host A`, `update del host`, or `delete host` (`update` may be left out). */
const NSUPDATE_DELETE = /^\s*(?:update\s+)?del(?:ete)?\s+(\S+)/im;
/** A route53 change with `"Action": "DELETE"` (JSON) or `Action=DELETE` (shorthand). */
const ROUTE53_DELETE = /"?Action"?\s*[:=]\s*"?DELETE\b/;

/** `aws route53 change-resource-record-sets --change-batch '{…"Action":"DELETE"…}'` or `file://batch.json`; `route53domains delete-domain`. */
function readAws(words: readonly string[], options: ParsedOptions, cmd: SimpleCommand, rc: RuleContext): ServiceFinding | undefined {
  if (words[0] === "route53domains" && words[1] === "delete-domain") return { tier: "deny", detail: "aws route53domains delete-domain" };
  if (words[0] !== "route53" || words[1] !== "change-resource-record-sets") return undefined;
  for (const name of ["change-batch", "cli-input-json"]) {
    const value = optionValue(options, "", [name]);
    const text = value == null ? undefined : batchText(value, cmd, rc);
    if (text != null && ROUTE53_DELETE.test(text))
      return { tier: "ask", detail: "aws route53 change-resource-record-sets (Action DELETE)" };
  }
  return undefined;
}

function batchText(value: string, cmd: SimpleCommand, rc: RuleContext): string | undefined {
  const file = /^fileb?:\/\/(.+)$/.exec(value)?.[1];
  return file == null ? value : rc.readFile(file, cmd);
}

function readGcloud(words: readonly string[], options: ParsedOptions): ServiceFinding | undefined {
  const [group, sub, verb] = words.filter((w, k) => k > 0 || !RELEASE_TRACKS.has(w));
  if (group !== "dns" || sub !== "record-sets") return undefined;
  if (verb === "import" && options.long.has("delete-all-existing"))
    return { tier: "deny", detail: "gcloud dns record-sets import --delete-all-existing" };
  return verb === "delete" ? { tier: "ask", detail: "gcloud dns record-sets delete" } : undefined;
}

/** `az network [private-]dns record-set <type> delete|remove-record`. */
function readAz(words: readonly string[]): ServiceFinding | undefined {
  const [network, dns, recordSet, type, verb] = words;
  if (network !== "network" || (dns !== "dns" && dns !== "private-dns") || recordSet !== "record-set") return undefined;
  return verb === "delete" || verb === "remove-record"
    ? { tier: "ask", detail: `az network ${dns} record-set ${type ?? ""} ${verb}` }
    : undefined;
}

/** The script given to nsupdate: a file argument, else its stdin (a heredoc, a pipe, `< file`). */
function readNsupdate(_words: readonly string[], _options: ParsedOptions, cmd: SimpleCommand, rc: RuleContext): ServiceFinding | undefined {
  const file = parseOptions(cmd.args, NSUPDATE_VALUES).positionals[0];
  const script = file == null ? rc.readStdin(cmd) : rc.readFile(file, cmd);
  const deleted = script == null ? undefined : NSUPDATE_DELETE.exec(script)?.[1];
  return deleted == null ? undefined : { tier: "ask", detail: `nsupdate: update delete ${deleted}` };
}

/** `octodns-sync --doit` applies the plan, deletes included; without it, it only plans. */
function readOctodns(_words: readonly string[], options: ParsedOptions): ServiceFinding | undefined {
  if (!options.long.has("doit")) return undefined;
  return { tier: "ask", detail: options.long.has("force") ? "octodns-sync --doit --force" : "octodns-sync --doit" };
}

/** `lexicon <provider> delete <domain> <type>`. */
function readLexicon(words: readonly string[]): ServiceFinding | undefined {
  return words[1] === "delete" ? { tier: "ask", detail: `lexicon ${words[0] ?? ""} delete` } : undefined;
}

export const dnsPack = defineServicePack({
  id: "dns",
  title: "DNS records: gcloud dns, az network dns, doctl, route53 change batches, nsupdate, flarectl, cli53, octodns, dnscontrol",
  category: "destructive-cloud",
  reasons: {
    deny: "it deletes every record of a DNS zone, the zone itself or a registered domain: everything that resolves through it stops resolving",
    ask: "it deletes DNS records (or pushes a zone config that deletes what it leaves out): the names they served stop resolving",
  },
  clis: {
    gcloud: { options: GCLOUD_VALUES, read: readGcloud },
    az: { options: AZ_VALUES, read: readAz },
    aws: { options: AWS_VALUES, read: readAws },
    doctl: {
      options: DOCTL_VALUES,
      verbs: {
        deny: [],
        ask: ["compute domain records delete", "compute domain records rm", "compute domain records d"],
      },
    },
    nsupdate: { options: NSUPDATE_VALUES, read: readNsupdate },
    flarectl: {
      options: { valueLong: ["zone", "id", "account-id", "name", "type", "content"] },
      verbs: { deny: ["zone delete"], ask: ["dns delete"] },
    },
    cli53: {
      options: { valueLong: ["profile", "endpoint-url", "file", "delegation-set-id"] },
      verbs: { deny: ["delete", "rrpurge"], ask: ["rrdelete"] },
      read: (words, options) =>
        words[0] === "import" && hasOption(options, "", ["wipe"]) ? { tier: "ask", detail: "cli53 import --wipe" } : undefined,
    },
    "octodns-sync": { options: { valueLong: ["config-file", "log-stream-stdout"] }, read: readOctodns },
    dnscontrol: {
      options: { valueLong: ["config", "creds", "domains", "providers"] },
      verbs: { deny: [], ask: ["push"] },
    },
    lexicon: { options: { valueLong: ["name", "content", "ttl", "auth-token", "auth-username", "config-dir"] }, read: readLexicon },
    vercel: {
      options: { value: "tSAQT", valueLong: ["token", "scope", "cwd", "local-config", "global-config", "team"] },
      verbs: { deny: [], ask: ["dns rm", "dns remove"] },
    },
  },
});
