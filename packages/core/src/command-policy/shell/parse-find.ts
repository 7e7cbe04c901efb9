/**
 * Everything the guard knows about `find`: its starting points, what it finds (everything under
 * them), what `-delete` deletes (all of that), and the commands `-exec`/`-execdir`/`-ok`/`-okdir`
 * run, with `{}` standing for each found path.
 */

export interface FindCommand {
  readonly roots: readonly string[];
  /** What it finds, as globs the rules can classify: everything under each starting point. */
  readonly found: readonly string[];
  /** The commands of its exec actions, `{}` as written. */
  readonly execs: readonly string[][];
  /** What `-delete` deletes: everything it finds; nothing without `-delete`. */
  readonly deletes: readonly string[];
}

const EXEC_ACTIONS = new Set(["-exec", "-execdir", "-ok", "-okdir"]);
const LEADING_OPTIONS = new Set(["-H", "-L", "-P"]);

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
  const execs: string[][] = [];
  let deletes = false;
  for (; k < args.length; k += 1) {
    const word = args[k] ?? "";
    if (word === "-delete") deletes = true;
    if (!EXEC_ACTIONS.has(word)) continue;
    const command: string[] = [];
    for (k += 1; k < args.length && args[k] !== ";" && args[k] !== "+"; k += 1) command.push(args[k] ?? "");
    if (command.length > 0) execs.push(command);
  }
  const starts = roots.length > 0 ? roots : ["."];
  const found = starts.map(underRoot);
  return { roots: starts, found, execs, deletes: deletes ? found : [] };
}

/** The commands its exec actions run: each with `{}` replaced by what one starting point yields, for the first `maxRoots`. */
export function execCommands(find: FindCommand, maxRoots: number): string[][] {
  return find.execs.flatMap((command) => find.found.slice(0, maxRoots).map((item) => command.map((w) => w.split("{}").join(item))));
}

/** What `find ROOT` yields, as a glob the deletion rules can classify: everything under ROOT. */
function underRoot(root: string): string {
  const trimmed = root.length > 1 && root.endsWith("/") ? root.slice(0, -1) : root;
  return trimmed === "/" ? "/*" : `${trimmed}/*`;
}

function isExpressionStart(word: string): boolean {
  return (word.startsWith("-") && word.length > 1) || word === "(" || word === "!" || word === ")";
}
