import type { SimpleCommand } from "../../command-types.js";
import { hasOption, parseOptions, type OptionSpec } from "../../shell/parse-options.js";

/**
 * Removing system packages (apt, dnf, yum, zypper, apk, pacman, rpm, dpkg, snap; Homebrew's
 * `--zap`, which deletes an app's settings and data too). A removal takes whatever depends on the
 * package with it and `purge` deletes its configuration, so it is asked. Removing what the system
 * cannot run or be reached without (the C library, systemd, the shell, the package manager, sudo,
 * the SSH server) or overriding the package manager's protection of essential packages is denied.
 *
 * Left alone: installing, upgrading, simulations (`-s`, `--dry-run`, `--assumeno`, `--test`,
 * `pacman -Rp`), `autoremove` (only what nothing installed needs, the cleanup apt itself
 * recommends after upgrades), and project-level uninstalls (`npm uninstall`, `pip uninstall`).
 */

export interface PackageRemoval {
  readonly essential: boolean;
  readonly detail: string;
}

const ESSENTIAL = new Set([
  "libc6",
  "libc-bin",
  "glibc",
  "musl",
  "systemd",
  "systemd-sysv",
  "init",
  "bash",
  "coreutils",
  "util-linux",
  "login",
  "passwd",
  "sudo",
  "apt",
  "dpkg",
  "rpm",
  "dnf",
  "yum",
  "zypper",
  "apk-tools",
  "pacman",
  "base",
  "filesystem",
  "python3",
  "openssh-server",
  "openssh",
]);
const OVERRIDES = ["allow-remove-essential", "force-remove-essential", "force-all", "force-depends"];
const DRY_RUNS = ["dry-run", "simulate", "just-print", "no-act", "recon", "assumeno", "test", "print"];
const APT = new Set(["apt", "apt-get", "aptitude"]);
const RPM_FAMILY = new Set(["dnf", "yum", "microdnf", "tdnf", "zypper"]);
const PACMANS = new Set(["pacman", "yay", "paru"]);
const REMOVE_VERBS = new Set(["remove", "purge", "erase", "rm", "del", "uninstall"]);
const VALUES: OptionSpec = {
  value: "octxb",
  valueLong: [
    "option",
    "config-file",
    "target-release",
    "exclude",
    "repo",
    "enablerepo",
    "disablerepo",
    "releasever",
    "setopt",
    "root",
    "dbpath",
    "config",
  ],
};

const MANAGERS = new Set([...APT, ...RPM_FAMILY, ...PACMANS, "apk", "snap", "brew", "rpm", "dpkg"]);

/** The package names a removal names, when the command removes packages. */
function removed(cmd: SimpleCommand): { how: string; names: readonly string[] } | undefined {
  const { name, args } = cmd;
  if (!MANAGERS.has(name)) return undefined;
  const p = parseOptions(args, VALUES);
  if (DRY_RUNS.some((d) => p.long.has(d))) return undefined;
  const [verb = "", ...names] = p.positionals;
  if (APT.has(name) && (verb === "remove" || verb === "purge") && !p.short.has("s")) return { how: `${name} ${verb}`, names };
  if (RPM_FAMILY.has(name) && REMOVE_VERBS.has(verb) && !p.short.has("D")) return { how: `${name} ${verb}`, names };
  if (name === "apk" && verb === "del" && !p.short.has("s")) return { how: "apk del", names };
  if (name === "snap" && verb === "remove") return { how: "snap remove", names };
  if (name === "brew" && REMOVE_VERBS.has(verb) && p.long.has("zap")) return { how: `brew ${verb} --zap`, names };
  if (PACMANS.has(name) && hasOption(p, "R", ["remove"]) && !hasOption(p, "p", ["print"]))
    return { how: `${name} -R`, names: p.positionals };
  if (name === "rpm" && hasOption(p, "e", ["erase"]) && !p.short.has("q")) return { how: "rpm -e", names: p.positionals };
  if (name === "dpkg" && hasOption(p, "rP", ["remove", "purge"])) return { how: "dpkg --remove", names: p.positionals };
  return undefined;
}

export function findPackageRemoval(cmd: SimpleCommand): PackageRemoval | undefined {
  const found = removed(cmd);
  if (found == null) return undefined;
  const parsed = parseOptions(cmd.args, VALUES);
  const override = OVERRIDES.find((o) => parsed.long.has(o));
  if (override != null) return { essential: true, detail: `${found.how} --${override}` };
  const essential = found.names.find((n) => ESSENTIAL.has(n.replace(/:[a-z0-9]+$/, "")));
  return essential == null
    ? { essential: false, detail: `${found.how} ${found.names.join(" ")}`.trim() }
    : { essential: true, detail: `${found.how} ${essential}` };
}
