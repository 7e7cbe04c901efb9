import type { RuleHit, SimpleCommand } from "../../command-types.js";
import { asksForHelp } from "./pack-words.js";
import { checkFound, definePack } from "./rule-pack.js";
import type { ServiceFinding, ServiceTier } from "./service-pack.js";
import { findAccountChange } from "./system-accounts.js";
import { findFirewallChange } from "./system-firewall.js";
import { findPackageRemoval } from "./system-packages.js";
import { findServiceChange } from "./system-services.js";
import { stripsPermissions, unmounts } from "./system-storage.js";
import type { RuleContext } from "../rule-context.js";

/**
 * The machine itself: the services it runs, its network and firewall, its installed packages, its
 * accounts and mounts. An agent should not change these unasked; most have their uses, so they are
 * asked, and what cuts the machine off from whoever manages it is denied. Power, killing every
 * process, crontabs and recursive permission changes of system directories are core rules
 * (sys.shutdown, proc.kill-all, cron.wipe, perm.recursive-system).
 */

type Finder = (cmd: SimpleCommand) => ServiceFinding | undefined;

function tiered(find: Finder, tier: ServiceTier): (cmd: SimpleCommand, rc: RuleContext) => RuleHit | undefined {
  return unlessHelp(checkFound(find, (found) => found.tier === tier));
}

function unlessHelp(check: (cmd: SimpleCommand, rc: RuleContext) => RuleHit | undefined) {
  return (cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined => (asksForHelp(cmd.args) ? undefined : check(cmd, rc));
}

const cutsAccess = (cmd: SimpleCommand): ServiceFinding | undefined => {
  const found = findServiceChange(cmd) ?? findFirewallChange(cmd);
  return found?.tier === "deny" ? found : undefined;
};

function removesPackages(essential: boolean) {
  return unlessHelp(checkFound(findPackageRemoval, (found) => found.essential === essential));
}

export const systemPack = definePack("system", "the machine: services, network, firewall, packages, accounts, mounts", [
  {
    id: "system.cut-access",
    severity: "critical",
    action: "deny",
    category: "system",
    reason:
      "it cuts the machine off: it stops or disables the SSH server or the network, or makes the firewall drop every connection; on a remote machine only its console brings it back, and Claude Code's own session goes with it",
    check: tiered(cutsAccess, "deny"),
  },
  {
    id: "system.stop-service",
    severity: "high",
    action: "ask",
    category: "system",
    reason: "it stops, disables, masks or kills a system service, or takes a network interface down, until someone starts it again",
    check: tiered(findServiceChange, "ask"),
  },
  {
    id: "system.firewall-off",
    severity: "high",
    action: "ask",
    category: "system-protection",
    reason:
      "it flushes, resets or switches off the firewall's rules (iptables -F, nft flush ruleset, ufw disable), opening the machine to the network",
    check: tiered(findFirewallChange, "ask"),
  },
  {
    id: "system.remove-essential",
    severity: "critical",
    action: "deny",
    category: "system",
    reason:
      "it removes a package the system cannot run or be reached without (the C library, systemd, the shell, the package manager, sudo, the SSH server), or overrides the package manager's protection of essential packages",
    check: removesPackages(true),
  },
  {
    id: "system.remove-package",
    severity: "medium",
    action: "ask",
    category: "system",
    reason: "it removes system packages (and whatever depends on them; purge deletes their configuration too)",
    check: removesPackages(false),
  },
  {
    id: "system.accounts",
    severity: "high",
    action: "ask",
    category: "system",
    reason:
      "it deletes a user account (and perhaps its home), removes or locks a password, takes away a login shell, or replaces a user's groups (usermod -G without -a drops sudo)",
    check: unlessHelp(findAccountChange),
  },
  {
    id: "system.unmount",
    severity: "medium",
    action: "ask",
    category: "system",
    reason: "it unmounts every filesystem or a system one, remounts the root read-only, or turns all swap off",
    check: unlessHelp(unmounts),
  },
  {
    id: "system.strip-permissions",
    severity: "high",
    action: "ask",
    category: "system",
    reason:
      "it takes every permission away from the home, the project or a system path (chmod 000), locking its owner out until root restores them",
    check: unlessHelp(stripsPermissions),
  },
]);
