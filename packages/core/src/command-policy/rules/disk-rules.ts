import { positionals } from "../shell/command-paths.js";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { hasOption, parseOptions } from "../shell/parse-options.js";
import { fillsDisk } from "./fills-disk.js";
import type { CommandRule, RuleContext } from "./rule-context.js";
import { STDOUT_WRITES, TRUNCATES } from "../shell/redirect-ops.js";

/** Formatting disks, writing raw onto block devices, emptying system files, filling the disk. */

const FORMATTERS = new Set(["mke2fs", "mkswap", "mkdosfs", "mkntfs", "mkexfatfs", "blkdiscard"]);
const PARTITIONERS: Readonly<Record<string, readonly string[]>> = {
  fdisk: ["-l", "--list"],
  sfdisk: ["-l", "--list", "-d", "--dump", "-s", "--show-size", "-V", "--verify"],
  gdisk: ["-l"],
  sgdisk: ["-p", "--print", "-v", "--verify", "-i", "--info"],
  cfdisk: [],
  parted: ["-l", "--list", "print"],
};
const DISKUTIL_ERASE = new Set(["eraseDisk", "eraseVolume", "reformat", "partitionDisk", "zeroDisk", "randomDisk", "secureErase"]);
const HARMLESS_DEVICES = new Set([
  "null",
  "zero",
  "full",
  "random",
  "urandom",
  "stdin",
  "stdout",
  "stderr",
  "tty",
  "console",
  "ptmx",
  "log",
]);
const HARMLESS_DEVICE_DIRS = ["fd/", "pts/", "shm/", "tcp/", "udp/"];

function formats(cmd: SimpleCommand): RuleHit | undefined {
  const { name, args } = cmd;
  if (name.startsWith("mkfs") || name.startsWith("newfs") || FORMATTERS.has(name)) return { detail: name };
  if (name === "wipefs" && hasOption(parseOptions(args, { value: "otp" }), "ao", ["all", "offset"])) return { detail: name };
  const listing = PARTITIONERS[name];
  if (listing != null && !args.some((a) => listing.includes(a))) return { detail: name };
  if (name === "diskutil" && DISKUTIL_ERASE.has(args[0] ?? "")) return { detail: `diskutil ${args[0] ?? ""}` };
  if ((name === "zpool" || name === "zfs") && (args[0] === "destroy" || args[0] === "labelclear")) return { detail: `${name} ${args[0]}` };
  return undefined;
}

/** A name with a file's extension (`/dev/err.log` in a container): a file someone made there, not a device. */
const FILE_NAME = /\.[A-Za-z]+$/;

/** A block device or disk under /dev (not /dev/null, a tty, a file descriptor). */
export function isBlockDevice(abs: string): boolean {
  if (!abs.startsWith("/dev/")) return false;
  const rest = abs.slice(5);
  return rest !== "" && !FILE_NAME.test(rest) && !HARMLESS_DEVICES.has(rest) && !HARMLESS_DEVICE_DIRS.some((dir) => rest.startsWith(dir));
}

function writesDevice(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  const targets = cmd.redirects.filter((r) => STDOUT_WRITES.has(r.op)).map((r) => r.target);
  if (cmd.name === "dd") targets.push(...cmd.args.filter((a) => a.startsWith("of=")).map((a) => a.slice(3)));
  if (cmd.name === "shred" || cmd.name === "tee") targets.push(...positionals(cmd.args));
  if (cmd.name === "cp") targets.push(...positionals(cmd.args).slice(-1));
  for (const word of targets) {
    const abs = rc.resolve(word, cmd);
    if (abs != null && isBlockDevice(abs)) return { detail: abs };
  }
  return undefined;
}

/** Words a command empties or overwrites whole: `>` redirects, `truncate`, `tee` without `-a`, `cp /dev/null`. */
function truncatedWords(cmd: SimpleCommand): string[] {
  const targets = cmd.redirects.filter((r) => TRUNCATES.has(r.op)).map((r) => r.target);
  if (cmd.name === "truncate") targets.push(...positionals(cmd.args));
  if (cmd.name === "tee" && !hasOption(parseOptions(cmd.args), "a", ["append"])) targets.push(...positionals(cmd.args));
  if (cmd.name === "cp" && cmd.args.includes("/dev/null")) targets.push(...positionals(cmd.args).slice(-1));
  return targets;
}

/**
 * The files in a home that set up every shell, git and ssh session of the user. Appending to them
 * is how installers add a PATH line and is left alone; emptying or overwriting one is not.
 */
const HOME_CONFIG_FILES = new Set([
  ".bashrc",
  ".bash_profile",
  ".bash_login",
  ".profile",
  ".zshrc",
  ".zshenv",
  ".zprofile",
  ".config/fish/config.fish",
  ".gitconfig",
  ".ssh/config",
  ".ssh/authorized_keys",
  ".ssh/known_hosts",
]);

function truncatesHomeConfig(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  const home = rc.ctx.home.endsWith("/") ? rc.ctx.home : `${rc.ctx.home}/`;
  for (const word of truncatedWords(cmd)) {
    const abs = rc.resolve(word, cmd);
    if (abs != null && abs.startsWith(home) && HOME_CONFIG_FILES.has(abs.slice(home.length))) return { detail: abs };
  }
  return undefined;
}

function truncatesSystemFile(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  for (const word of truncatedWords(cmd)) {
    const where = rc.classify(word, cmd);
    if (where == null || where.cls !== "system") continue;
    if (where.path.startsWith("/dev/") || where.path.startsWith("/proc/") || where.path.startsWith("/sys/")) continue;
    return { detail: where.path };
  }
  return undefined;
}

export const diskRules: readonly CommandRule[] = [
  {
    id: "disk.format",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason: "it formats, partitions or wipes a disk or a filesystem, destroying everything on it",
    check: formats,
  },
  {
    id: "disk.write-device",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason: "it writes raw data onto a disk device, destroying the filesystem on it",
    check: writesDevice,
  },
  {
    id: "fs.truncate-system",
    severity: "high",
    action: "deny",
    category: "destructive",
    reason: "it empties or overwrites a system file, which can leave the machine unusable",
    check: truncatesSystemFile,
  },
  {
    id: "fs.truncate-home-config",
    severity: "high",
    action: "ask",
    category: "destructive",
    reason: "it empties or overwrites a shell, git or ssh configuration file in the home directory (appending to one is fine)",
    check: truncatesHomeConfig,
  },
  {
    id: "disk.fill",
    severity: "high",
    action: "deny",
    category: "guard-tampering",
    reason:
      "it fills the disk (a huge preallocated file, or an endless stream written into a file); a full disk stops Warden recording and breaks the machine",
    check: fillsDisk,
  },
];
