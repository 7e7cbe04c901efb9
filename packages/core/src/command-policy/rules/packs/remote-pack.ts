import type { RuleHit, SimpleCommand } from "../../command-types.js";
import { copyOptions } from "../../shell/command-paths.js";
import { parseOptions, type ParsedOptions } from "../../shell/parse-options.js";
import { WEB_ROOTS } from "../classify-path.js";
import { asksForHelp } from "./pack-words.js";
import { definePack } from "./rule-pack.js";

/**
 * Copying over another machine's files with rsync and scp. `rsync --delete` onto a remote host
 * deletes whatever its source lacks there, and `--remove-source-files` deletes what it sent
 * (on the remote side when pulling); copying onto a remote system path (`/etc`, `/usr`, `/boot`,
 * `/bin`, `/lib`) or over an `authorized_keys` file replaces the machine's own files or who may log
 * in. Each is asked: deploys do all of them on purpose. A local destination of `rsync --delete`
 * is the core deletion rules' (fs.*); copying to or from `/srv`, `/var/www` or a home, and dry
 * runs (`-n`, `--dry-run`, `--list-only`) are left alone.
 */

const DELETES = /^--(?:delete(?:-(?:before|during|after|delay|excluded|missing-args))?|del)$/;
/** `host:path`, `user@host:path`, `[::1]:path`, `host::module`, `rsync://host/module`. */
const REMOTE = /^(?:rsync:\/\/|\[[^\]]*\]:|[^/.[\s][^/\s]*:)/;
const SYSTEM_DIRS = ["/etc", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/boot"];
const AUTHORIZED_KEYS = /(?:^|\/)authorized_keys2?$/;

interface Transfer {
  readonly options: ParsedOptions;
  readonly sources: readonly string[];
  readonly destination: string;
}

function transfer(cmd: SimpleCommand): Transfer | undefined {
  if ((cmd.name !== "rsync" && cmd.name !== "scp") || asksForHelp(cmd.args)) return undefined;
  const options = parseOptions(cmd.args, copyOptions(cmd.name));
  if (cmd.name === "rsync" && (options.short.has("n") || options.long.has("dry-run") || options.long.has("list-only"))) return undefined;
  const words = options.positionals;
  const destination = words[words.length - 1];
  return destination == null || words.length < 2 ? undefined : { options, sources: words.slice(0, -1), destination };
}

/** The path part of a remote spec (`host:/etc/x` is `/etc/x`, `host:` is the remote home), or undefined when it is local. */
function remotePath(word: string): string | undefined {
  const match = REMOTE.exec(word);
  if (match == null || word.startsWith("rsync://")) return undefined;
  return word.slice(match[0].length).replace(/^:/, "");
}

function syncDeletes(cmd: SimpleCommand): RuleHit | undefined {
  const t = transfer(cmd);
  if (t == null || cmd.name !== "rsync") return undefined;
  const flag = cmd.args.find((a) => DELETES.test(a));
  if (flag != null && REMOTE.test(t.destination)) return { detail: `rsync ${flag} onto ${t.destination}` };
  const remote = [...t.sources, t.destination].find((w) => REMOTE.test(w));
  if (t.options.long.has("remove-source-files") && remote != null) return { detail: `rsync --remove-source-files with ${remote}` };
  return undefined;
}

function overwritesSystem(cmd: SimpleCommand): RuleHit | undefined {
  const t = transfer(cmd);
  const where = t == null ? undefined : remotePath(t.destination);
  if (t == null || where == null) return undefined;
  const path = where.replace(/\/+$/, "");
  const webContent = WEB_ROOTS.some((root) => path === root || path.startsWith(`${root}/`));
  if (SYSTEM_DIRS.some((dir) => path === dir || path.startsWith(`${dir}/`)) && !path.startsWith("/usr/local") && !webContent)
    return { detail: `${cmd.name} onto ${t.destination}` };
  if (AUTHORIZED_KEYS.test(path)) return { detail: `${cmd.name} onto ${t.destination}` };
  // Into a `.ssh` directory, a file named authorized_keys replaces the one there.
  if (/(?:^|\/)\.ssh$/.test(path) && t.sources.some((s) => AUTHORIZED_KEYS.test(s)))
    return { detail: `${cmd.name} authorized_keys onto ${t.destination}` };
  return undefined;
}

export const remotePack = definePack("remote", "copying over remote machines: rsync, scp", [
  {
    id: "remote.sync-delete",
    severity: "high",
    action: "ask",
    category: "destructive",
    reason:
      "it deletes files on another machine: rsync --delete removes there whatever the source lacks, --remove-source-files removes what it sent",
    check: syncDeletes,
  },
  {
    id: "remote.overwrite-system",
    severity: "high",
    action: "ask",
    category: "system",
    reason:
      "it copies over a remote machine's system files (/etc, /usr, /boot, /bin, /lib) or its authorized_keys, which decides who may log in",
    check: overwritesSystem,
  },
]);
