/**
 * find's expression as find evaluates it: `-o` binds looser than juxtaposition (`-a`), `!` tighter,
 * `( )` groups; each action (`-exec …`, `-delete`, `-print`) sees what the tests before it in its
 * branch let through. A test's filter says which names pass (`-name x`) and whether the starting
 * point itself can.
 */

const EXEC_ACTIONS = new Set(["-exec", "-execdir", "-ok", "-okdir"]);
const PRINT_ACTIONS = new Set(["-print", "-print0", "-ls"]);
const PRINT_WITH_VALUE = new Set(["-printf", "-fprint", "-fprint0", "-fls"]);
const NAME_TESTS = new Set(["-name", "-iname"]);
const PATH_TESTS = new Set(["-path", "-ipath", "-wholename", "-iwholename"]);
const NOTS = new Set(["!", "-not"]);
const ORS = new Set(["-o", "-or", ","]);
const ANDS = new Set(["-a", "-and"]);
/** Expression words that filter nothing out; `-maxdepth` is followed by its number. */
const NEUTRAL = new Set(["-depth", "-d", "-xdev", "-mount", "-noleaf", "-ignore_readdir_race", "-follow", "-prune", "-true"]);
const WITH_VALUE = new Set([
  "-maxdepth",
  "-mindepth",
  "-type",
  "-xtype",
  "-size",
  "-mtime",
  "-atime",
  "-ctime",
  "-mmin",
  "-amin",
  "-cmin",
  "-newer",
  "-anewer",
  "-cnewer",
  "-user",
  "-group",
  "-uid",
  "-gid",
  "-perm",
  "-regex",
  "-iregex",
  "-regextype",
  "-lname",
  "-ilname",
  "-inum",
  "-links",
  "-samefile",
  "-fstype",
  "-used",
  "-context",
  "-files0-from",
]);

/** What the tests on the way to an action let through. */
export interface Filter {
  /** Name (or path) patterns one of which a path must match; undefined when any name passes. */
  readonly names?: readonly { readonly pattern: string; readonly path: boolean }[];
  /** The starting point itself passes. */
  readonly open: boolean;
}

type Node =
  | { readonly kind: "test"; readonly filter: Filter }
  | { readonly kind: "action"; readonly action: "exec" | "delete" | "print"; readonly command?: readonly string[] }
  | { readonly kind: "not" | "group"; readonly inner: Node }
  | { readonly kind: "and" | "or"; readonly parts: readonly Node[] };

export interface Action {
  readonly action: "exec" | "delete" | "print";
  readonly command?: readonly string[];
  readonly filter: Filter;
}

const PASS: Filter = { open: true };

/** The actions of an expression (the words after the starting points), each with what reaches it. */
export function findActions(words: readonly string[]): Action[] {
  const tree = new ExpressionReader(words).or();
  const actions: Action[] = [];
  collect(tree, [], actions);
  // Without any action, find prints what the whole expression lets through.
  if (actions.length === 0) actions.push({ action: "print", filter: filterOf(tree) });
  return actions;
}

/** Walks the tree, recording each action with what the tests before it in its branch let through. */
function collect(node: Node, before: readonly Filter[], out: Action[]): void {
  switch (node.kind) {
    case "action":
      out.push({ action: node.action, ...(node.command == null ? {} : { command: node.command }), filter: both(before) });
      return;
    case "test":
      return;
    case "not":
    case "group":
      return collect(node.inner, before, out);
    case "or":
      for (const part of node.parts) collect(part, before, out);
      return;
    case "and": {
      const running = [...before];
      for (const part of node.parts) {
        collect(part, running, out);
        running.push(filterOf(part));
      }
      return;
    }
    default: {
      const never: never = node;
      throw new Error(`unknown find node ${JSON.stringify(never)}`);
    }
  }
}

function filterOf(node: Node): Filter {
  switch (node.kind) {
    case "test":
      return node.filter;
    case "action":
      return PASS;
    case "not":
      return { open: false };
    case "group":
      return filterOf(node.inner);
    case "and":
      return both(node.parts.map(filterOf));
    case "or": {
      const filters = node.parts.map(filterOf);
      const named = filters.every((f) => f.names != null);
      return { open: filters.some((f) => f.open), ...(named ? { names: filters.flatMap((f) => f.names ?? []) } : {}) };
    }
    default: {
      const never: never = node;
      throw new Error(`unknown find node ${JSON.stringify(never)}`);
    }
  }
}

/** Tests in a row: the first that names wins (a path must match it anyway); the start passes if it passes all. */
function both(filters: readonly Filter[]): Filter {
  const named = filters.find((f) => f.names != null);
  return { open: filters.every((f) => f.open), ...(named?.names == null ? {} : { names: named.names }) };
}

/** Reads find's expression into a tree: `-o` binds looser than juxtaposition (`-a`), `!` tighter, `( )` groups. */
class ExpressionReader {
  private k = 0;

  constructor(private readonly words: readonly string[]) {}

  or(): Node {
    const parts = [this.and()];
    while (ORS.has(this.words[this.k] ?? "")) {
      this.k += 1;
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as Node) : { kind: "or", parts };
  }

  private and(): Node {
    const parts: Node[] = [];
    while (this.k < this.words.length) {
      const word = this.words[this.k] ?? "";
      if (ORS.has(word) || word === ")") break;
      if (ANDS.has(word)) this.k += 1;
      else parts.push(this.factor());
    }
    return parts.length === 1 ? (parts[0] as Node) : { kind: "and", parts };
  }

  private factor(): Node {
    const word = this.words[this.k++] ?? "";
    if (NOTS.has(word)) return { kind: "not", inner: this.k < this.words.length ? this.factor() : { kind: "test", filter: PASS } };
    if (word === "(") {
      const inner = this.or();
      if (this.words[this.k] === ")") this.k += 1;
      return { kind: "group", inner };
    }
    if (EXEC_ACTIONS.has(word)) {
      const command: string[] = [];
      while (this.k < this.words.length && this.words[this.k] !== ";" && this.words[this.k] !== "+")
        command.push(this.words[this.k++] ?? "");
      this.k += 1;
      return { kind: "action", action: "exec", command };
    }
    if (word === "-delete") return { kind: "action", action: "delete" };
    if (PRINT_ACTIONS.has(word)) return { kind: "action", action: "print" };
    if (PRINT_WITH_VALUE.has(word)) {
      this.k += word === "-fprintf" ? 2 : 1;
      return { kind: "action", action: "print" };
    }
    if (NAME_TESTS.has(word) || PATH_TESTS.has(word)) {
      const pattern = this.words[this.k++] ?? "";
      return { kind: "test", filter: { open: false, names: [{ pattern, path: PATH_TESTS.has(word) }] } };
    }
    if (word === "-maxdepth") {
      this.k += 1;
      return { kind: "test", filter: PASS };
    }
    if (WITH_VALUE.has(word) || word.startsWith("-newer")) this.k += 1;
    return { kind: "test", filter: NEUTRAL.has(word) ? PASS : { open: false } };
  }
}
