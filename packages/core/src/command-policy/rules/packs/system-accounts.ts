import type { RuleHit, SimpleCommand } from "../../command-types.js";
import { hasOption, parseOptions } from "../../shell/parse-options.js";

/**
 * Accounts: deleting a user (`userdel`, `deluser`, with or without the home), taking away a
 * password or the right to log in (`passwd -d/-l`, `usermod -L`, a `nologin` shell), and
 * `usermod -G` without `-a`, which replaces every supplementary group (`sudo`, `wheel`) with the
 * ones given. Each is a deliberate administrator's step, so it is asked. Adding users and groups
 * and reading them (`id`, `getent`) are left alone.
 */

const NO_LOGIN = /\/(?:nologin|false)$/;

export function findAccountChange(cmd: SimpleCommand): RuleHit | undefined {
  const { name, args } = cmd;
  if (name === "userdel" || name === "deluser") {
    const p = parseOptions(args, { value: "R", valueLong: ["root", "prefix", "conf", "backup-to"] });
    const user = p.positionals[0];
    if (user == null) return undefined;
    const withFiles = hasOption(p, "r", ["remove", "remove-home", "remove-all-files"]);
    return { detail: `${name} ${withFiles ? "(with its files) " : ""}${p.positionals.join(" ")}` };
  }
  if (name === "passwd") {
    const p = parseOptions(args, { value: "nxwiR", valueLong: ["mindays", "maxdays", "warndays", "inactive", "root"] });
    if (hasOption(p, "d", ["delete"])) return { detail: `passwd --delete ${p.positionals.join(" ")}`.trim() };
    if (hasOption(p, "l", ["lock"])) return { detail: `passwd --lock ${p.positionals.join(" ")}`.trim() };
    return undefined;
  }
  if (name !== "usermod") return undefined;
  const p = parseOptions(args, {
    value: "cdefgGlpsuR",
    valueLong: ["comment", "home", "expiredate", "inactive", "gid", "groups", "login", "password", "shell", "uid", "root"],
  });
  const user = p.positionals.join(" ");
  if (hasOption(p, "L", ["lock"])) return { detail: `usermod --lock ${user}` };
  const shell = p.values.get("s")?.at(-1) ?? p.long.get("shell");
  if (typeof shell === "string" && NO_LOGIN.test(shell)) return { detail: `usermod --shell ${shell} ${user}` };
  if (hasOption(p, "G", ["groups"]) && !hasOption(p, "ar", ["append", "remove"])) return { detail: `usermod -G without -a ${user}` };
  return undefined;
}
