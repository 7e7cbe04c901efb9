import { findActions, type Action, type Filter } from "./find-expression.js";

/**
 * Everything the guard knows about `find`: its starting points, and for each of its actions
 * (`-exec`/`-execdir`/`-ok`/`-okdir`, `-delete`, printing for a pipe) what that action is given,
 * read off the expression the way find evaluates it: an action sees what the tests before it in its
 * `-o` branch let through. `-name x` before it means every `x` at any depth (`./**\/x`); no name
 * test means everything under the starting point (`./**`), and the starting point itself when no
 * test could filter it out (`find dir -delete` removes `dir`, like `rm -r dir`).
 */

export interface FindExec {
  /** The command, `{}` as written. */
  readonly command: readonly string[];
  /** What it is run on, as globs the rules can classify. */
  readonly items: readonly string[];
}

export interface FindCommand {
  readonly roots: readonly string[];
  /** What it prints, for a pipe (`find … | xargs rm`): what the printing branches let through. */
  readonly found: readonly string[];
  readonly execs: readonly FindExec[];
  /**
   * What the name tests before `-delete` (or before printing) name at the first level under each
   * starting point (`-name .warden` under `.` is `./.warden`), for the write rules.
   */
  readonly named: readonly string[];
  /** What `-delete` deletes; empty without `-delete`. */
  readonly deletes: readonly string[];
}

const LEADING_OPTIONS = new Set(["-H", "-L", "-P"]);
const MAX_NAMED = 8;

/** The patterns of `-path`/`-wholename` tests: whole paths already, not names to place under a root. */
const pathsBy = (list: readonly Action[]) => list.flatMap((a) => (a.filter.names ?? []).filter((n) => n.path).map((n) => n.pattern));

export function parseFind(args: readonly string[]): FindCommand {
  let k = 0;
  while (k < args.length) {
    const word = args[k] ?? "";
    if (LEADING_OPTIONS.has(word) || word.startsWith("-O")) k += 1;
    else if (word === "-D") k += 2;
    else break;
  }
  const roots: string[] = [];
  while (k < args.length && !isExpressionStart(args[k] ?? "")) roots.push(args[k++] ?? "");
  const starts = roots.length > 0 ? roots : ["."];
  const actions = findActions(args.slice(k));
  const printed = actions.filter((a) => a.action === "print");
  const deleting = actions.filter((a) => a.action === "delete");
  const namedBy = (list: readonly Action[]) =>
    list.flatMap((a) => starts.flatMap((root) => (a.filter.names ?? []).filter((n) => !n.path).map((n) => inRoot(root, n.pattern))));
  const naming = deleting.length > 0 ? deleting : printed;
  return {
    roots: starts,
    found: unique(printed.flatMap((a) => itemsOf(starts, a.filter))),
    execs: actions.flatMap((a) =>
      a.action === "exec" && a.command != null ? [{ command: a.command, items: itemsOf(starts, a.filter) }] : [],
    ),
    named: unique([...namedBy(naming), ...pathsBy(naming)]).slice(0, MAX_NAMED),
    deletes: unique(deleting.flatMap((a) => itemsOf(starts, a.filter))),
  };
}

/** What an action's filter lets through under each starting point. */
function itemsOf(starts: readonly string[], filter: Filter): string[] {
  return starts.flatMap((root) => {
    if (filter.names != null) return filter.names.map((n) => (n.path ? n.pattern : `${under(root)}/**/${n.pattern}`));
    return [...(filter.open ? [root] : []), `${under(root)}/**`];
  });
}

/** What its printing actions yield for a pipe, for the first `max` items. */
export function foundItems(find: FindCommand, max: number): string[] {
  return find.found.slice(0, max);
}

/** The commands its exec actions run: each with `{}` replaced by one of the items it is given. */
export function execCommands(find: FindCommand, max: number): string[][] {
  return find.execs.flatMap((exec) => exec.items.slice(0, max).map((item) => exec.command.map((w) => w.split("{}").join(item))));
}

function under(root: string): string {
  return root.length > 1 && root.endsWith("/") ? root.slice(0, -1) : root === "/" ? "" : root;
}

function inRoot(root: string, name: string): string {
  return root.endsWith("/") ? `${root}${name}` : `${root}/${name}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function isExpressionStart(word: string): boolean {
  return (word.startsWith("-") && word.length > 1) || word === "(" || word === "!" || word === ")";
}
