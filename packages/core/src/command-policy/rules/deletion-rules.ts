import type { PathClass } from "./classify-path.js";
import { deletionTargets, movedAway } from "../shell/command-paths.js";
import { displayWord } from "../shell/display-word.js";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { parseOptions, hasOption } from "../shell/parse-options.js";
import type { CommandRule, RuleContext } from "./rule-context.js";
import { DYNAMIC, SUB_OPEN } from "../shell/markers.js";
import { expandBraces } from "../shell/resolve-word.js";

/**
 * Deleting, moving away and recursively re-permissioning the places a machine cannot lose.
 *
 * A recursive delete (`rm -r`, `find -delete`, `rsync --delete`, what `find` hands to `xargs rm`):
 * - of `/`, a home directory (the user's or another user's: `/home/alice`, `~alice`), a directory
 *   holding homes (`/home`, `/Users`) or everything in one of them (`~/*`, `~/**`): deny;
 * - of a system directory (`/etc`, `/usr`, `/root`, …) or anything in one, recursive or not: deny;
 *   moving any of these away (`mv ~ /tmp/x`, `mv /etc x`) too;
 * - of the project directory (or a directory holding it) or everything in it (`rm -rf .`,
 *   `rm -rf *` at its root), of anything else in a home (`~/projects/other`, `~/.ssh`,
 *   `../sibling`), of a directory right under `/`, `/mnt`, `/media`, `/Volumes`, `/opt` or
 *   `/usr/local` (a disk, a volume, an installation), or of a temp directory itself (`/tmp`): ask;
 * - of a path Warden cannot work out before it runs (`"$X"` with X unknown, `$(some-cmd)`, the
 *   lines `ls` or `cat list` pipe into `xargs`): ask, unless its fixed part already puts it inside
 *   the project or a temp directory (`build/$X`, `/tmp/$X`) or a `${X:?}` guards it;
 * - anything else is allowed: inside the project (`node_modules`, `dist`, `*.log`), in a temp
 *   directory (`/tmp/*`, `$TMPDIR/x`, `$(mktemp -d)`), and deeper paths outside home, project and
 *   system (`/some/path`, `/opt/app/data`, `/data/cache`).
 */

const MOVE_CLASSES: readonly PathClass[] = ["root", "home", "home-ancestor", "system"];
const PERMISSION_CLASSES: readonly PathClass[] = ["root", "home", "home-ancestor", "system", "temp-root"];
/** Where a path's fixed part may put it and whatever the unknown rest is, the deletion stays harmless. */
const CONTAINED_CLASSES: readonly PathClass[] = ["project", "temp", "temp-root"];

function deletes(cmd: SimpleCommand, rc: RuleContext, recursiveOnly: boolean, classes: readonly PathClass[]): RuleHit | undefined {
  for (const target of deletionTargets(cmd)) {
    if (recursiveOnly && !target.recursive) continue;
    const where = rc.classify(target.word, cmd);
    if (where != null && classes.includes(where.cls)) return { detail: where.path };
  }
  return undefined;
}

export const deletionRules: readonly CommandRule[] = [
  {
    id: "fs.rm-root",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason: "it recursively deletes the filesystem root, which destroys the whole system",
    check: (cmd, rc) => deletes(cmd, rc, true, ["root"]),
  },
  {
    id: "fs.rm-home",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason: "it recursively deletes a home directory (or everything in it)",
    check: (cmd, rc) => deletes(cmd, rc, true, ["home", "home-ancestor"]),
  },
  {
    id: "fs.rm-system",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason: "it deletes a system directory or a file in one, which can leave the machine unusable",
    check: (cmd, rc) => deletes(cmd, rc, false, ["system"]),
  },
  {
    id: "fs.rm-outside-project",
    severity: "high",
    action: "ask",
    category: "destructive",
    reason:
      "it recursively deletes the project directory itself (or everything in it), another directory in a home or beside the project (`../other`), a top-level directory or mount point, or the temp directory itself",
    check: (cmd, rc) => deletes(cmd, rc, true, ["project-root", "home-subtree", "project-sibling", "mount", "temp-root"]),
  },
  {
    id: "fs.rm-unresolved",
    severity: "high",
    action: "ask",
    category: "destructive",
    reason:
      "it recursively deletes a path the guard cannot work out before it runs (a variable the command does not set, the output of another command), so what it deletes is unknown",
    check(cmd, rc) {
      for (const target of deletionTargets(cmd)) {
        if (target.recursive && isUnresolved(target.word, cmd, rc)) return { detail: displayWord(target.word) };
      }
      return undefined;
    },
  },
  {
    id: "fs.move-system",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason:
      "it moves the filesystem root, a system directory (or a file in one) or a home directory away, which breaks the machine or the account",
    check(cmd, rc) {
      for (const word of movedAway(cmd)) {
        const where = rc.classify(word, cmd);
        if (where != null && MOVE_CLASSES.includes(where.cls)) return { detail: where.path };
      }
      return undefined;
    },
  },
  {
    id: "fs.rm-unset-variable",
    severity: "medium",
    action: "ask",
    category: "destructive",
    reason:
      "it recursively deletes a path that starts with a variable that is not set in the command; if it is empty, the deletion starts at / (use ${VAR:?} to guard it)",
    check(cmd) {
      for (const target of deletionTargets(cmd)) {
        if (target.recursive && startsWithUnknown(target.word)) return { detail: displayWord(target.word) };
      }
      return undefined;
    },
  },
  {
    id: "perm.recursive-system",
    severity: "critical",
    action: "deny",
    category: "destructive",
    reason:
      "it recursively changes permissions or ownership of /, a system directory or the home directory, which breaks the system and its security",
    check(cmd, rc) {
      if (cmd.name !== "chmod" && cmd.name !== "chown" && cmd.name !== "chgrp") return undefined;
      const p = parseOptions(cmd.args, { known: "RfvcHLPh", valueLong: ["reference", "from"] });
      if (!hasOption(p, "R", ["recursive"])) return undefined;
      const targets = (p.long.has("reference") ? p.positionals : p.positionals.slice(1)).flatMap(expandBraces);
      for (const word of targets) {
        const where = rc.classify(word, cmd);
        if (where != null && PERMISSION_CLASSES.includes(where.cls)) return { detail: where.path };
      }
      return undefined;
    },
  },
];

/**
 * `"$DIR/"…` with `DIR` never set in the command line (the Steam `rm -rf "$STEAMROOT/"*` bug).
 * `${DIR:?}` is the guard idiom (the shell stops if it is empty) and is fine.
 */
function startsWithUnknown(word: string): boolean {
  if (!word.startsWith(`${DYNAMIC}{`)) return false;
  const close = word.indexOf("}");
  const name = word.slice(2, close);
  return close > 0 && word[close + 1] === "/" && !name.includes("?");
}

/**
 * A target with an unknown part: `"$X"`, `$(cmd)`, `/tmp/$X`. Harmless when the directory before the
 * first unknown part is inside the project or a temp directory, or the unknown part is a
 * `${X:?}` (the shell stops when it is empty). `"$X/"…` is fs.rm-unset-variable's.
 */
function isUnresolved(word: string, cmd: SimpleCommand, rc: RuleContext): boolean {
  const first = firstUnknown(word);
  if (first < 0 || startsWithUnknown(word) || isGuarded(word, first)) return false;
  const dir = word.slice(0, word.lastIndexOf("/", first) + 1);
  const where = dir === "" ? undefined : rc.classify(dir, cmd);
  return where == null || !CONTAINED_CLASSES.includes(where.cls);
}

function firstUnknown(word: string): number {
  const dynamic = word.indexOf(DYNAMIC);
  const sub = word.indexOf(SUB_OPEN);
  return dynamic < 0 ? sub : sub < 0 ? dynamic : Math.min(dynamic, sub);
}

function isGuarded(word: string, at: number): boolean {
  if (word[at] !== DYNAMIC) return false;
  const close = word.indexOf("}", at);
  return close > 0 && word.slice(at + 2, close).includes("?");
}
