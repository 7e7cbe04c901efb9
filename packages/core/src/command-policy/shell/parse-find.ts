/**
 * Everything the guard knows about `find`: its starting points, what it finds (everything under
 * them), what its name tests name (`-name .warden` under `.` is `./.warden`), what `-delete`
 * deletes (all of that), and the commands `-exec`/`-execdir`/`-ok`/`-okdir` run, with `{}`
 * standing for each found path.
 */

export interface FindCommand {
  readonly roots: readonly string[];
  /** What it finds, as globs the rules can classify: everything under each starting point. */
  readonly found: readonly string[];
  /** The commands of its exec actions, `{}` as written. */
  readonly execs: readonly string[][];
  /**
   * The paths its `-name`/`-path` tests name, under each starting point (`-name` matches at any
   * depth; the first level stands for all). Empty when a test is negated or the search prunes:
   * then the names say what it skips, not what it finds.
   */
  readonly named: readonly string[];
  /**
   * What `-delete` deletes: everything it finds, and the starting points themselves when no test
   * filters them out (`find dir -delete` removes `dir`, like `rm -r dir`); nothing without `-delete`.
   */
  readonly deletes: readonly string[];
}

const EXEC_ACTIONS = new Set(["-exec", "-execdir", "-ok", "-okdir"]);
const LEADING_OPTIONS = new Set(["-H", "-L", "-P"]);
const NAME_TESTS = new Set(["-name", "-iname"]);
const PATH_TESTS = new Set(["-path", "-ipath", "-wholename", "-iwholename"]);
const NEGATIONS = new Set(["!", "-not"]);
const MAX_NAMED = 8;
/** Expression words that filter nothing out; `-maxdepth` is followed by its number. */
const UNFILTERED = new Set([
  "-delete",
  "-depth",
  "-d",
  "-xdev",
  "-mount",
  "-maxdepth",
  "-print",
  "-print0",
  "-noleaf",
  "-ignore_readdir_race",
  "-follow",
]);

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
  const names: string[] = [];
  const paths: string[] = [];
  let deletes = false;
  let skips = false;
  let filtered = false;
  for (; k < args.length; k += 1) {
    const word = args[k] ?? "";
    if (!UNFILTERED.has(word) && args[k - 1] !== "-maxdepth") filtered = true;
    if (word === "-delete") deletes = true;
    if (word === "-prune") skips = true;
    const test = NAME_TESTS.has(word) ? names : PATH_TESTS.has(word) ? paths : undefined;
    if (test != null && k + 1 < args.length) {
      if (NEGATIONS.has(args[k - 1] ?? "")) skips = true;
      test.push(args[++k] ?? "");
      continue;
    }
    if (!EXEC_ACTIONS.has(word)) continue;
    const command: string[] = [];
    for (k += 1; k < args.length && args[k] !== ";" && args[k] !== "+"; k += 1) command.push(args[k] ?? "");
    if (command.length > 0) execs.push(command);
  }
  const starts = roots.length > 0 ? roots : ["."];
  const found = starts.map(underRoot);
  const named = skips ? [] : [...starts.flatMap((root) => names.filter((n) => !n.includes("/")).map((n) => inRoot(root, n))), ...paths];
  return {
    roots: starts,
    found,
    named: named.slice(0, MAX_NAMED),
    execs,
    deletes: !deletes ? [] : filtered ? found : [...starts, ...found],
  };
}

/** What it yields for `{}` or a pipe: what each starting point yields, for the first `max`, then what its name tests name. */
export function foundItems(find: FindCommand, max: number): string[] {
  return [...find.found.slice(0, max), ...find.named.slice(0, max)];
}

/** The commands its exec actions run: each with `{}` replaced by one of the found items (see foundItems). */
export function execCommands(find: FindCommand, max: number): string[][] {
  const items = foundItems(find, max);
  return find.execs.flatMap((command) => items.map((item) => command.map((w) => w.split("{}").join(item))));
}

/** What `find ROOT` yields, as a glob the deletion rules can classify: everything under ROOT. */
function underRoot(root: string): string {
  const trimmed = root.length > 1 && root.endsWith("/") ? root.slice(0, -1) : root;
  return trimmed === "/" ? "/*" : `${trimmed}/*`;
}

function inRoot(root: string, name: string): string {
  return root.endsWith("/") ? `${root}${name}` : `${root}/${name}`;
}

function isExpressionStart(word: string): boolean {
  return (word.startsWith("-") && word.length > 1) || word === "(" || word === "!" || word === ")";
}
