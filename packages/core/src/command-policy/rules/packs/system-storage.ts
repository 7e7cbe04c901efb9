import type { RuleHit, SimpleCommand } from "../../command-types.js";
import { hasOption, optionValue, parseOptions } from "../../shell/parse-options.js";
import type { PathClass } from "../classify-path.js";
import type { RuleContext } from "../rule-context.js";

/**
 * What the machine stands on: unmounting every filesystem or a system one (`/`, `/boot`, `/usr`,
 * `/var`, `/home`), remounting the root read-only, turning all swap off (what was swapped out
 * must fit in memory, or the kernel kills processes); and stripping every permission from the
 * home, the project or a system directory (`chmod 000 ~`, `chmod -R 000 .`), which locks the
 * owner out until someone with root puts them back. Asked: each has its uses (kubeadm wants swap
 * off). A recursive chmod of `/`, a home or a system directory is the core perm.recursive-system
 * rule's; unmounting a disk, a USB stick or a network share is left alone.
 */

const SYSTEM_MOUNTS = new Set(["/", "/boot", "/boot/efi", "/efi", "/usr", "/var", "/home", "/nix"]);
/** Where a recursive chmod is the core perm.recursive-system rule's. */
const CORE_CLASSES: readonly PathClass[] = ["root", "home", "home-ancestor", "system", "temp-root"];
/** Where taking every permission away locks the owner out of more than a file. */
const LOCKED_CLASSES: readonly PathClass[] = ["root", "home", "home-ancestor", "system", "project-root"];
/** A mode that leaves the owner nothing: `000`, `0`, `a=`, `ugo-rwx`, `u=`. */
const NO_PERMISSIONS = /^(?:0+|(?:a|ugo|u)?=|(?:a|ugo|u)?-rwx[Xst]*)$/;

function unmounts(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  const { name, args } = cmd;
  if (name === "swapoff") return hasOption(parseOptions(args), "a", ["all"]) ? { detail: "swapoff --all" } : undefined;
  if (name === "umount") {
    const p = parseOptions(args, { value: "tOoN", valueLong: ["types", "test-opts", "options", "namespace"] });
    if (hasOption(p, "a", ["all"])) return { detail: "umount --all" };
    const mount = p.positionals.map((w) => rc.resolve(w, cmd)).find((abs) => abs != null && SYSTEM_MOUNTS.has(trim(abs)));
    return mount == null ? undefined : { detail: `umount ${mount}` };
  }
  if (name === "mount") {
    const p = parseOptions(args, { value: "oOtLUTN", valueLong: ["options", "test-opts", "types", "label", "uuid", "fstab", "namespace"] });
    const options = (optionValue(p, "o", ["options"]) ?? "").split(",");
    const root = p.positionals.map((w) => rc.resolve(w, cmd)).some((abs) => abs === "/");
    return options.includes("remount") && options.includes("ro") && root ? { detail: "mount -o remount,ro /" } : undefined;
  }
  return undefined;
}

function trim(abs: string): string {
  return abs.length > 1 && abs.endsWith("/") ? abs.slice(0, -1) : abs;
}

function stripsPermissions(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  if (cmd.name !== "chmod") return undefined;
  const p = parseOptions(cmd.args, { known: "RfvcHLPh", valueLong: ["reference"] });
  const [mode = "", ...targets] = p.positionals;
  if (p.long.has("reference") || !NO_PERMISSIONS.test(mode)) return undefined;
  const recursive = hasOption(p, "R", ["recursive"]);
  for (const word of targets) {
    const where = rc.classify(word, cmd);
    if (where == null || (recursive && CORE_CLASSES.includes(where.cls))) continue;
    if (LOCKED_CLASSES.includes(where.cls) || (recursive && (where.cls === "project" || where.cls === "home-subtree")))
      return { detail: `chmod ${mode} ${where.path}` };
  }
  return undefined;
}

export { stripsPermissions, unmounts };
