import type { SimpleCommand } from "../../command-types.js";
import { parseOptions } from "../../shell/parse-options.js";
import type { ServiceFinding } from "./service-pack.js";

/**
 * Firewalls. Dropping every incoming or outgoing packet (`iptables -P INPUT DROP`,
 * `firewall-cmd --panic-on`) cuts the machine off, SSH and Claude Code's own connection with it:
 * denied. Flushing, resetting or switching off the rules (`iptables -F`, `nft flush ruleset`,
 * `ufw disable`, `pfctl -d`) opens the machine, or locks it when the default policy drops; the
 * rules usually live in a file the firewall reloads, and clearing them is a common step when
 * debugging Docker's networking, so it is asked. Listing and adding rules are left alone.
 */

const IPTABLES = new Set(["iptables", "ip6tables", "iptables-legacy", "ip6tables-legacy", "iptables-nft", "ip6tables-nft"]);
const CUT_CHAINS = new Set(["INPUT", "OUTPUT"]);

function iptables(name: string, args: readonly string[]): ServiceFinding | undefined {
  const policy = args.findIndex((a) => a === "-P" || a === "--policy");
  if (policy >= 0 && CUT_CHAINS.has(args[policy + 1] ?? "") && args[policy + 2] === "DROP")
    return { tier: "deny", detail: `${name} -P ${args[policy + 1] ?? ""} DROP` };
  if (args.some((a) => a === "-F" || a === "--flush" || /^-[a-zA-Z]*F$/.test(a))) return { tier: "ask", detail: `${name} --flush` };
  return undefined;
}

/** `nft flush ruleset`, also given as one word (`nft 'flush ruleset'`); `nft delete table inet filter`. */
function nft(args: readonly string[]): ServiceFinding | undefined {
  const p = parseOptions(args, { value: "fIT", valueLong: ["file", "includepath"] });
  if (p.short.has("c") || p.long.has("check")) return undefined;
  const [verb = "", object = ""] = p.positionals.join(" ").split(/\s+/);
  if (verb === "flush" && (object === "ruleset" || object === "table")) return { tier: "ask", detail: `nft flush ${object}` };
  if (verb === "delete" && object === "table") return { tier: "ask", detail: "nft delete table" };
  return undefined;
}

export function findFirewallChange(cmd: SimpleCommand): ServiceFinding | undefined {
  const { name, args } = cmd;
  if (IPTABLES.has(name)) return iptables(name, args);
  if (name === "nft") return nft(args);
  if (name === "ufw") {
    const verb = parseOptions(args).positionals[0];
    return verb === "disable" || verb === "reset" ? { tier: "ask", detail: `ufw ${verb}` } : undefined;
  }
  if (name === "firewall-cmd" && args.includes("--panic-on")) return { tier: "deny", detail: "firewall-cmd --panic-on" };
  if (name === "pfctl") {
    const p = parseOptions(args, { value: "FfaAstTDKkLox" });
    if (p.short.has("d")) return { tier: "ask", detail: "pfctl -d" };
    if (p.values.has("F")) return { tier: "ask", detail: `pfctl -F ${p.values.get("F")?.join(" ") ?? ""}` };
  }
  return undefined;
}
