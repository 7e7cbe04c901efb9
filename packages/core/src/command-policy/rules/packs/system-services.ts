import type { SimpleCommand } from "../../command-types.js";
import { parseOptions } from "../../shell/parse-options.js";
import type { ServiceFinding } from "./service-pack.js";

/**
 * Stopping what a machine runs: services (systemctl, service, rc-service, update-rc.d, chkconfig)
 * and network interfaces. Stopping, disabling, masking or killing the SSH server or the network
 * itself is denied: Warden cannot tell the user's laptop from a server reached over SSH (Claude
 * Code often runs on one), the way back is a console few have, and without the network Claude
 * Code's own session ends. Any other service or one interface is asked. Restarting, reloading,
 * starting and reading status are routine and left alone, and so are per-user services
 * (`systemctl --user`).
 */

/** Services whose loss cuts the machine off: SSH servers and network managers. */
const ACCESS_UNITS = new Set([
  "ssh",
  "sshd",
  "openssh",
  "openssh-server",
  "dropbear",
  "networking",
  "network",
  "networkmanager",
  "systemd-networkd",
  "wicked",
]);
const STOPPING = new Set(["stop", "disable", "mask", "kill"]);
/** Targets that stop every service but a shell on the console. */
const SINGLE_USER = new Set(["rescue", "emergency", "rescue.target", "emergency.target", "runlevel1.target"]);
const INIT_SCRIPTS = new Set(["service", "rc-service", "update-rc.d", "chkconfig", "rc-update"]);
const SYSTEMCTL_VALUES = {
  value: "HMpstno",
  valueLong: [
    "host",
    "machine",
    "property",
    "signal",
    "kill-whom",
    "kill-value",
    "type",
    "state",
    "job-mode",
    "lines",
    "output",
    "root",
    "what",
    "when",
    "message",
    "drop-in",
  ],
};

/** `sshd.service`, `ssh.socket`, `NetworkManager` are `sshd`, `ssh`, `networkmanager`. */
function unitName(word: string): string {
  return word
    .replace(/\.(?:service|socket)$/, "")
    .replace(/@.*$/, "")
    .toLowerCase();
}

function stops(program: string, verb: string, units: readonly string[]): ServiceFinding | undefined {
  const cut = units.find((u) => ACCESS_UNITS.has(unitName(u)));
  const detail = `${program} ${verb} ${cut ?? units.join(" ")}`.trim();
  return { tier: cut == null ? "ask" : "deny", detail };
}

function systemctl(args: readonly string[]): ServiceFinding | undefined {
  const p = parseOptions(args, SYSTEMCTL_VALUES);
  if (p.long.has("user") || p.long.has("dry-run")) return undefined;
  const [verb = "", ...units] = p.positionals;
  if (verb === "rescue" || verb === "emergency") return { tier: "deny", detail: `systemctl ${verb}` };
  if (verb === "isolate")
    return SINGLE_USER.has(units[0] ?? "") ? { tier: "deny", detail: `systemctl isolate ${units[0] ?? ""}` } : undefined;
  return STOPPING.has(verb) && units.length > 0 ? stops("systemctl", verb, units) : undefined;
}

/** `service nginx stop`, `rc-service sshd stop`, `update-rc.d -f ssh remove`, `chkconfig sshd off`, `rc-update del sshd`. */
function initScripts(name: string, args: readonly string[]): ServiceFinding | undefined {
  if (!INIT_SCRIPTS.has(name)) return undefined;
  const words = args.filter((a) => !a.startsWith("-"));
  const [first = "", second = ""] = words;
  if ((name === "service" || name === "rc-service") && second === "stop") return stops(name, "stop", [first]);
  if (name === "update-rc.d" && (second === "disable" || second === "remove")) return stops(name, second, [first]);
  if (name === "chkconfig" && second === "off") return stops(name, "off", [first]);
  if (name === "rc-update" && (first === "del" || first === "delete")) return stops(name, "del", [second]);
  return undefined;
}

/** `nmcli networking off` (and its abbreviations `nmcli n off`, `nmcli net off`). */
function nmcli(args: readonly string[]): ServiceFinding | undefined {
  const [object = "", action = ""] = parseOptions(args, {
    value: "fgmep",
    valueLong: ["fields", "get-values", "mode", "escape", "colors", "wait"],
  }).positionals;
  if (object !== "" && "networking".startsWith(object) && action === "off") return { tier: "deny", detail: "nmcli networking off" };
  if (object !== "" && "connection".startsWith(object) && action === "down") return { tier: "ask", detail: "nmcli connection down" };
  if (object !== "" && "device".startsWith(object) && action === "disconnect") return { tier: "ask", detail: "nmcli device disconnect" };
  return undefined;
}

/** `ip link set eth0 down`, `ifconfig eth0 down`, `ifdown eth0`; every interface (`ifdown -a`) is the network. */
function interfaces(name: string, args: readonly string[]): ServiceFinding | undefined {
  if (name === "ifdown")
    return args.includes("-a") || args.includes("--all")
      ? { tier: "deny", detail: "ifdown -a" }
      : { tier: "ask", detail: `ifdown ${args.join(" ")}` };
  if (name === "ifconfig" && args.includes("down")) return { tier: "ask", detail: `ifconfig ${args.join(" ")}` };
  if (name !== "ip") return undefined;
  const words = parseOptions(args, { value: "nbr", valueLong: ["netns", "batch", "rc"] }).positionals;
  const [object = "", action = ""] = words;
  const isLink = object !== "" && "link".startsWith(object);
  return isLink && action !== "" && "set".startsWith(action) && words.includes("down")
    ? { tier: "ask", detail: `ip ${words.join(" ")}` }
    : undefined;
}

export function findServiceChange(cmd: SimpleCommand): ServiceFinding | undefined {
  const { name, args } = cmd;
  if (name === "systemctl") return systemctl(args);
  if (name === "nmcli") return nmcli(args);
  return initScripts(name, args) ?? interfaces(name, args);
}
