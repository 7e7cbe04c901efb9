import type { PathClass } from "./classify-path.js";
import { deletionTargets } from "../shell/command-paths.js";
import { displayWord } from "../shell/display-word.js";
import type { RuleHit, SimpleCommand } from "../command-types.js";
import { parseOptions, hasOption } from "../shell/parse-options.js";
import type { CommandRule, RuleContext } from "./rule-context.js";
import { DYNAMIC } from "../shell/markers.js";
import { expandBraces } from "../shell/resolve-word.js";

/** Deleting, and recursively re-permissioning, the places a machine cannot lose. */

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
    reason: "it recursively deletes the user's home directory (or everything in it)",
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
    reason: "it recursively deletes the project directory itself or a directory outside the project",
    check: (cmd, rc) => deletes(cmd, rc, true, ["outside", "project-root"]),
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
        if (where != null && ["root", "home", "home-ancestor", "system"].includes(where.cls)) return { detail: where.path };
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
