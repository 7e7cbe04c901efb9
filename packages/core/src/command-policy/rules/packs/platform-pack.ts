import type { RuleHit, SimpleCommand } from "../../command-types.js";
import { deletionTargets } from "../../shell/command-paths.js";
import type { RuleContext } from "../rule-context.js";
import { definePack } from "./rule-pack.js";
import { readWindowsCode, type WindowsStatement } from "./windows-statements.js";
import { locateWindowsPath, withPowerShellEnv } from "./windows-targets.js";

/**
 * What only Windows and macOS have: PowerShell and cmd deleting a drive, the profile or the
 * system, formatting drives; deleting shadow copies, backups and Time Machine snapshots; turning
 * system protections off. macOS disk erasing is the core disk.format rule.
 */

const PROGRAMS = new Set([
  "powershell",
  "powershell.exe",
  "pwsh",
  "pwsh.exe",
  "cmd",
  "cmd.exe",
  "rm",
  "vssadmin",
  "vssadmin.exe",
  "wmic",
  "wmic.exe",
  "wbadmin",
  "wbadmin.exe",
  "cipher",
  "cipher.exe",
  "format",
  "format.com",
  "bcdedit",
  "bcdedit.exe",
  "netsh",
  "netsh.exe",
  "tmutil",
  "csrutil",
  "spctl",
]);
const REMOVERS = new Set(["remove-item", "rm", "ri", "del", "erase", "rd", "rmdir"]);
const DISK_CMDLETS = new Set(["format-volume", "clear-disk", "remove-partition"]);
const RECURSE = /^-r(?:e(?:c(?:u(?:r(?:se?)?)?)?)?)?(?::\$true)?$/i;
const SWITCH = /^(?:\/[a-z?](?::\S*)?)+$/i;
/** Parameters of Remove-Item whose value is not a target. */
const VALUED = /^-(?:fi|filter|inc|include|ex|exclude|cr|credential|st|stream)/i;
const WINDOWS_PATH = /^[a-z]:|\\|^%|^\$env:/i;
const DRIVE = /^[a-z]:\\?$/i;
const TMUTIL_DELETES = new Set(["delete", "deletelocalsnapshots", "thinlocalsnapshots"]);
const BCDEDIT_CHANGES = /^\/(?:set|deletevalue|delete|import|create|copy|default|bootsequence|displayorder|timeout|bootems|ems|debug)$/i;
const SHADOW_COPIES = /win32_shadowcopy/i;
const DELETES_OBJECTS = /\.delete\s*\(|remove-ciminstance|remove-wmiobject/i;
const memo = new WeakMap<SimpleCommand, ReturnType<typeof readWindowsCode>>();

function readCode(cmd: SimpleCommand): ReturnType<typeof readWindowsCode> | undefined {
  if (!PROGRAMS.has(cmd.name.toLowerCase())) return undefined;
  const known = memo.get(cmd);
  if (known != null) return known;
  const found = readWindowsCode(cmd);
  memo.set(cmd, found);
  return found;
}

/** `Remove-Item -Recurse -Force C:\`, `rm -r -fo ~`, `rd /s /q C:\`, `del /s /q %USERPROFILE%\*`, `format C:`, `Clear-Disk`. */
function wipesWindows(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  const found = readCode(cmd);
  if (found == null) return undefined;
  const [self, ...inner] = found.statements;
  // bash's own `rm -rf` is the core rules' business, unless its target is spelt the Windows way.
  for (const target of self?.name === "rm" ? deletionTargets(cmd) : []) {
    const word = withPowerShellEnv(target.word);
    const place = target.recursive && WINDOWS_PATH.test(word) ? locateWindowsPath(word, rc.ctx.home) : undefined;
    if (place != null) return { detail: `rm of ${target.word} (${place})` };
  }
  for (const statement of self?.name === "rm" ? inner : found.statements) {
    const hit = wipeStatement(statement, rc.ctx.home);
    if (hit != null) return { detail: hit };
  }
  return undefined;
}

function wipeStatement({ name, args }: WindowsStatement, home: string): string | undefined {
  if (DISK_CMDLETS.has(name)) return name;
  if (name === "format") {
    const drive = args.find((a) => DRIVE.test(a));
    return drive == null ? undefined : `format ${drive}`;
  }
  if (!REMOVERS.has(name) || !args.some((a) => RECURSE.test(a) || isRecursiveSwitch(a)) || args.some((a) => /^-whatif$/i.test(a)))
    return undefined;
  for (const target of removeTargets(args)) {
    const place = locateWindowsPath(target, home);
    if (place != null) return `${name} ${args.join(" ")} (${place})`;
  }
  return undefined;
}

/** cmd's `/s`, also glued with others: `/s/q`. */
function isRecursiveSwitch(word: string): boolean {
  return SWITCH.test(word) && word.toLowerCase().split("/").includes("s");
}

function removeTargets(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < args.length; k += 1) {
    const word = args[k] ?? "";
    if (VALUED.test(word)) k += 1;
    else if (!word.startsWith("-") && !SWITCH.test(word)) out.push(...word.split(","));
  }
  return out;
}

/** Shadow copies, Windows backups, Time Machine snapshots, or free space wiped so deleted files stay lost. */
function destroysRecovery(cmd: SimpleCommand): RuleHit | undefined {
  const found = readCode(cmd);
  if (found == null) return undefined;
  for (const { name, args } of found.statements) {
    const words = args.map((a) => a.toLowerCase());
    if (
      name === "vssadmin" &&
      ((words[0] === "delete" && words[1] === "shadows") || (words[0] === "resize" && words[1] === "shadowstorage"))
    )
      return { detail: `vssadmin ${words[0]} ${words[1]}` };
    if (name === "wmic" && words.includes("shadowcopy") && words.includes("delete")) return { detail: "wmic shadowcopy delete" };
    if (name === "wbadmin" && words[0] === "delete") return { detail: `wbadmin delete ${words[1] ?? ""}`.trim() };
    if (name === "cipher" && words.some((w) => w === "/w" || w.startsWith("/w:"))) return { detail: "cipher /w" };
    if (name === "tmutil" && TMUTIL_DELETES.has(words[0] ?? "")) return { detail: `tmutil ${words[0] ?? ""}` };
  }
  const script = found.powershell.find((text) => SHADOW_COPIES.test(text) && DELETES_OBJECTS.test(text));
  return script == null ? undefined : { detail: "Win32_ShadowCopy objects deleted" };
}

/** SIP, Gatekeeper, Defender, the firewall, boot recovery, Time Machine. */
function disablesProtection(cmd: SimpleCommand): RuleHit | undefined {
  const found = readCode(cmd);
  if (found == null) return undefined;
  for (const { name, args } of found.statements) {
    const words = args.map((a) => a.toLowerCase());
    if (name === "csrutil" && words.includes("disable")) return { detail: `csrutil ${words.join(" ")}` };
    if (name === "spctl" && (words.includes("--master-disable") || words.includes("--global-disable")))
      return { detail: "spctl --master-disable" };
    if (name === "tmutil" && words[0] === "disable") return { detail: "tmutil disable" };
    if (name === "bcdedit" && words.some((w) => BCDEDIT_CHANGES.test(w))) return { detail: `bcdedit ${args.join(" ")}` };
    if (name === "netsh" && words.includes("advfirewall") && words.includes("state") && words.includes("off"))
      return { detail: "netsh advfirewall … state off" };
    if (name === "set-mppreference") {
      const at = words.findIndex((w) => w.startsWith("-disable"));
      if (at >= 0 && words[at + 1] !== "$false" && words[at + 1] !== "0") return { detail: `Set-MpPreference ${args[at] ?? ""}` };
    }
    if (name === "set-netfirewallprofile") {
      const at = words.findIndex((w) => w === "-enabled");
      if (at >= 0 && ["false", "$false", "0"].includes(words[at + 1] ?? "")) return { detail: "Set-NetFirewallProfile -Enabled False" };
    }
  }
  return undefined;
}

export const platformPack = definePack("platform", "Windows and macOS: PowerShell, cmd, vssadmin, wbadmin, bcdedit, tmutil, csrutil", [
  {
    id: "platform.windows-wipe",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason:
      "it recursively deletes a Windows drive root, the user profile or the Windows directory (Remove-Item -Recurse, rd /s, del /s), or formats or clears a drive",
    check: wipesWindows,
  },
  {
    id: "platform.destroy-recovery",
    severity: "critical",
    action: "deny",
    category: "anti-recovery",
    reason:
      "it deletes shadow copies, system backups or Time Machine snapshots, or wipes free space, so that lost files cannot be recovered",
    check: destroysRecovery,
  },
  {
    id: "platform.disable-protection",
    severity: "high",
    action: "ask",
    category: "system-protection",
    reason:
      "it turns off a system protection: System Integrity Protection, Gatekeeper, Defender, the firewall, boot recovery settings (bcdedit) or Time Machine",
    check: disablesProtection,
  },
]);
