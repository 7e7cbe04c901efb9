import { closestName } from "./closest-name.js";

/** A schema problem as zod reports it: where, what kind, and what the schema accepts. */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: boolean;
  readonly origin?: string;
  readonly format?: string;
  readonly errors?: readonly (readonly SchemaIssue[])[];
}

/** What was checked, so a problem can quote the value found and name the keys that exist. */
export interface IssueContext {
  /** The whole value that was validated. */
  readonly input?: unknown;
  /** The schema it was validated against (a zod schema). */
  readonly schema?: unknown;
}

/** Every problem in one line, `; `-separated (see describeIssue). */
export function describeIssues(issues: readonly SchemaIssue[], context: IssueContext = {}): string {
  return issues.map((issue) => describeIssue(issue, context)).join("; ");
}

/**
 * One problem in words a person can act on: the key path, the value found and what is accepted:
 * `fail_mode: "strict" is not accepted; expected one of "open", "closed"`,
 * `(root): unknown key "fail_mdoe" (did you mean "fail_mode"?); known keys: …`.
 */
export function describeIssue(issue: SchemaIssue, context: IssueContext = {}): string {
  const at = formatPath(issue.path);
  const found = valueAt(context.input, issue.path);
  const shown = found.present ? preview(found.value) : "nothing";
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(context.schema, issue.path);
      const where = issue.path.length === 0 ? "unknown top-level key" : `${at}: unknown key`;
      return (issue.keys ?? []).map((key) => `${where} ${unknownKey(key, known)}`).join("; ");
    }
    case "invalid_value":
      return `${at}: ${shown} is not accepted; expected ${oneOf(issue.values ?? [])}`;
    case "invalid_type":
      if (!found.present && context.input !== undefined) return `${at}: missing; expected ${article(issue.expected)}`;
      return `${at}: ${found.present ? described(found.value) : "the value"} is not ${article(issue.expected)}`;
    case "too_small":
    case "too_big":
      return `${at}: ${found.present ? shown : "the value"} is too ${issue.code === "too_small" ? "small" : "big"}; expected ${bound(issue)}`;
    case "invalid_union": {
      const expected = [...new Set((issue.errors ?? []).flatMap((branch) => branch.map((b) => article(b.expected))))];
      return `${at}: ${found.present ? described(found.value) : "the value"} is not ${expected.join(" or ") || "accepted"}`;
    }
    case "invalid_format":
      return `${at}: ${found.present ? shown : "the value"} is not accepted: ${issue.message === "Invalid input" ? `expected a ${issue.format ?? "different"} format` : issue.message}`;
    default:
      return `${at}: ${issue.message === "Invalid input" && found.present ? `${shown} is not accepted` : issue.message}`;
  }
}

/** `commands.rules["git.force-push"].action`, `commands.command_rules[0].reason`; `(root)` for the whole value. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$][\w$]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out === "" ? "(root)" : out;
}

function unknownKey(key: string, known: readonly string[]): string {
  const guess = closestName(key, known);
  const hint = guess == null ? "" : ` (did you mean ${JSON.stringify(guess)}?)`;
  const list = known.length === 0 ? "" : `; known keys: ${known.join(", ")}`;
  return `${JSON.stringify(key)}${hint}${list}`;
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? (shown[0] ?? "") : `one of ${shown.join(", ")}`;
}

function bound(issue: SchemaIssue): string {
  const limit = issue.code === "too_small" ? issue.minimum : issue.maximum;
  const plural = limit === 1 ? "" : "s";
  const unit = issue.origin === "string" ? ` character${plural}` : issue.origin === "array" ? ` item${plural}` : "";
  if (issue.code === "too_small")
    return issue.inclusive === false ? `more than ${String(limit)}${unit}` : `at least ${String(limit)}${unit}`;
  return issue.inclusive === false ? `less than ${String(limit)}${unit}` : `at most ${String(limit)}${unit}`;
}

const ARTICLES: Readonly<Record<string, string>> = {
  int: "an integer",
  object: "an object",
  array: "an array (a JSON list)",
  string: "a string",
  number: "a number",
  boolean: "true or false",
};

function article(expected: string | undefined): string {
  if (expected == null) return "of the expected type";
  return ARTICLES[expected] ?? `a ${expected}`;
}

/** `"big" (a string)`; `null` and lists say what they are themselves. */
function described(value: unknown): string {
  return value === null || Array.isArray(value) ? preview(value) : `${preview(value)} (${typeName(value)})`;
}

function typeName(value: unknown): string {
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { present: boolean; value?: unknown } {
  let value = input;
  for (const part of path) {
    if (value == null || typeof value !== "object" || !Object.hasOwn(value, part)) return { present: false };
    value = Reflect.get(value, part);
  }
  return input === undefined ? { present: false } : { present: true, value };
}

/** The keys an object schema accepts at a path, following optionals, records, arrays and unions. */
function knownKeys(schema: unknown, path: readonly PropertyKey[]): string[] {
  let here: unknown = schema;
  for (const part of path) here = child(unwrap(here), part);
  const shape = field(definition(unwrap(here)), "shape");
  return shape != null && typeof shape === "object" ? Object.keys(shape) : [];
}

function child(schema: unknown, part: PropertyKey): unknown {
  const def = definition(schema);
  switch (field(def, "type")) {
    case "object":
      return field(field(def, "shape"), part);
    case "record":
      return field(def, "valueType");
    case "array":
      return field(def, "element");
    default:
      return undefined;
  }
}

/** Through `optional`, `nullable`, `default` and `pipe` to the schema underneath. */
function unwrap(schema: unknown): unknown {
  let here = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    const def = definition(here);
    const inner = field(def, "innerType") ?? field(def, "in");
    if (inner == null) return here;
    here = inner;
  }
  return here;
}

function definition(schema: unknown): unknown {
  return field(field(schema, "_zod"), "def");
}

function field(value: unknown, key: PropertyKey): unknown {
  return value != null && typeof value === "object" ? Reflect.get(value, key) : undefined;
}
