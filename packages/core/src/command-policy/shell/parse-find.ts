/**
 * `find`'s starting points and actions: `-delete` deletes what it finds under the starting points,
 * `-exec`/`-execdir`/`-ok`/`-okdir` run a command with `{}` standing for each found path.
 */

export interface FindCommand {
  readonly roots: readonly string[];
  readonly execs: readonly string[][];
  readonly deletes: boolean;
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
  return { roots: roots.length > 0 ? roots : ["."], execs, deletes };
}

/** What `find ROOT` yields, as a glob the deletion rules can classify: everything under ROOT. */
export function underRoot(root: string): string {
  const trimmed = root.length > 1 && root.endsWith("/") ? root.slice(0, -1) : root;
  return trimmed === "/" ? "/*" : `${trimmed}/*`;
}

function isExpressionStart(word: string): boolean {
  return (word.startsWith("-") && word.length > 1) || word === "(" || word === "!" || word === ")";
}
