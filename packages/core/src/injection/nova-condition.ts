import type { ConditionNode, Quantifier, Section, VarRef } from "./rule-types.js";

/**
 * The condition language: `and`, `or`, `not`, parentheses, `$v`, `section.$v`, `section.*`,
 * `section.$pre*`, and `any|all|N of` over `section.*`, `section.$pre*`, `($pre*)` or `them`.
 */
export class ConditionError extends Error {
  override readonly name = "ConditionError";
  constructor(
    message: string,
    /** Offset in the condition text. */
    readonly offset: number,
    readonly expected?: string,
  ) {
    super(message);
  }
}

export interface ParsedCondition {
  readonly node: ConditionNode;
  readonly warnings: readonly { readonly offset: number; readonly message: string }[];
}

export type DefinedVars = Readonly<Record<Section, readonly string[]>>;

type Token =
  | { kind: "(" | ")"; at: number }
  | { kind: "word"; value: string; at: number }
  | { kind: "number"; value: number; at: number }
  | { kind: "var"; name: string; wildcard: boolean; at: number }
  | { kind: "qualified"; section: string; name: string | null; wildcard: boolean; at: number };

const SECTIONS: readonly Section[] = ["keywords", "semantics", "llm"];
const TOKEN =
  /\s*(?:(\()|(\))|\$([A-Za-z0-9_]*)(\*?)|([A-Za-z_][A-Za-z0-9_]*)\.(?:(\*)|\$([A-Za-z0-9_]*)(\*?))|(\d+)(?![A-Za-z_])|([A-Za-z_]+))/y;
const WORDS = new Set(["and", "or", "not", "any", "all", "of", "them"]);

export function parseCondition(text: string, vars: DefinedVars): ParsedCondition {
  return new ConditionParser(tokenize(text), text.length, vars).parse();
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    if (/^\s*$/.test(text.slice(start))) break;
    const m = TOKEN.exec(text);
    if (m == null) {
      const at = start + (/^\s*/.exec(text.slice(start))?.[0].length ?? 0);
      throw new ConditionError(
        `unexpected ${JSON.stringify(text[at])}`,
        at,
        "a variable, a quantifier, 'and', 'or', 'not' or a parenthesis",
      );
    }
    const at = m.index + m[0].length - m[0].trimStart().length;
    if (m[1]) tokens.push({ kind: "(", at });
    else if (m[2]) tokens.push({ kind: ")", at });
    else if (m[3] != null) tokens.push({ kind: "var", name: m[3], wildcard: m[4] === "*", at });
    else if (m[5] != null)
      tokens.push({ kind: "qualified", section: m[5], name: m[7] ?? null, wildcard: m[6] === "*" || m[8] === "*", at });
    else if (m[9] != null) tokens.push({ kind: "number", value: Number(m[9]), at });
    else {
      const value = (m[10] ?? "").toLowerCase();
      if (!WORDS.has(value))
        throw new ConditionError(`unknown word ${JSON.stringify(m[10])}`, at, "and, or, not, any, all, of, them or a $variable");
      tokens.push({ kind: "word", value, at });
    }
  }
  return tokens;
}

class ConditionParser {
  private pos = 0;
  private readonly warnings: { offset: number; message: string }[] = [];
  constructor(
    private readonly tokens: Token[],
    private readonly end: number,
    private readonly vars: DefinedVars,
  ) {}

  parse(): ParsedCondition {
    if (this.tokens.length === 0) throw new ConditionError("the condition is empty", 0, "an expression over the rule's variables");
    const node = this.or();
    const extra = this.tokens[this.pos];
    if (extra) throw new ConditionError(extra.kind === ")" ? "unbalanced ')'" : "missing operator", extra.at, "'and' or 'or'");
    return { node, warnings: this.warnings };
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(value: string): boolean {
    const t = this.peek();
    return t?.kind === "word" && t.value === value;
  }

  private or(): ConditionNode {
    let left = this.and();
    while (this.isWord("or")) {
      this.pos++;
      left = { op: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): ConditionNode {
    let left = this.unary();
    while (this.isWord("and")) {
      this.pos++;
      left = { op: "and", left, right: this.unary() };
    }
    return left;
  }

  private unary(): ConditionNode {
    if (this.isWord("not")) {
      this.pos++;
      return { op: "not", operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): ConditionNode {
    const t = this.peek();
    if (t == null) throw new ConditionError("the condition ends too early", this.end, "a variable, a quantifier or '('");
    this.pos++;
    if (t.kind === "(") {
      const inner = this.or();
      const close = this.peek();
      if (close?.kind !== ")") throw new ConditionError("unclosed '('", close?.at ?? this.end, "')'");
      this.pos++;
      return inner;
    }
    if (t.kind === "number" || (t.kind === "word" && (t.value === "any" || t.value === "all"))) {
      return this.quantified(t.kind === "number" ? t.value : t.value === "any" ? "any" : "all", t.at);
    }
    if (t.kind === "var") {
      if (t.wildcard) throw new ConditionError(`$${t.name}* is only allowed after a quantifier`, t.at, `'any of ($${t.name}*)'`);
      return { op: "var", ...this.resolve(t.name, null, t.at) };
    }
    if (t.kind === "qualified") {
      const refs = this.qualified(t);
      if (t.wildcard) return { op: "of", quantifier: "any", vars: refs };
      return { op: "var", ...(refs[0] as VarRef) };
    }
    if (t.kind === "word" && t.value === "of")
      throw new ConditionError("'of' without a quantifier", t.at, "any, all or a number before 'of'");
    throw new ConditionError(`unexpected ${t.kind === "word" ? `'${t.value}'` : "')'"}`, t.at, "a variable, a quantifier or '('");
  }

  private quantified(quantifier: Quantifier, at: number): ConditionNode {
    if (!this.isWord("of")) throw new ConditionError(`'${quantifier}' without 'of'`, this.peek()?.at ?? this.end, "'of'");
    this.pos++;
    const t = this.peek();
    if (t == null) throw new ConditionError("the condition ends after 'of'", this.end, "keywords.*, section.$prefix*, ($prefix*) or them");
    this.pos++;
    if (t.kind === "number" || (t.kind === "word" && (t.value === "any" || t.value === "all"))) {
      throw new ConditionError("quantifiers cannot be nested", t.at, "keywords.*, section.$prefix*, ($prefix*) or them");
    }
    if (t.kind === "word" && t.value === "them") {
      this.warnings.push({ offset: at, message: "'of them' covers every variable here; the NOVA reference evaluates it as always false" });
      return { op: "of", quantifier, vars: SECTIONS.flatMap((section) => this.vars[section].map((name) => ({ section, name }))) };
    }
    if (t.kind === "qualified") return { op: "of", quantifier, vars: this.qualified(t) };
    if (t.kind === "(") {
      const inner = this.peek();
      if (inner?.kind !== "var" || !inner.wildcard) {
        const hint = inner?.kind === "qualified" ? "; write 'of section.$prefix*' without parentheses" : "";
        throw new ConditionError(`expected ($prefix*) after 'of'${hint}`, inner?.at ?? this.end, "($prefix*)");
      }
      this.pos++;
      if (this.peek()?.kind !== ")") throw new ConditionError("unclosed '('", this.peek()?.at ?? this.end, "')'");
      this.pos++;
      const refs = SECTIONS.flatMap((section) =>
        this.vars[section].filter((n) => n.startsWith(inner.name)).map((name) => ({ section, name })),
      );
      if (refs.length === 0) throw new ConditionError(`no variable starts with $${inner.name}`, inner.at, "a prefix of a defined variable");
      return { op: "of", quantifier, vars: refs };
    }
    if (t.kind === "var") throw new ConditionError(`'of' needs a set, not $${t.name}`, t.at, `($${t.name}*) or keywords.$${t.name}*`);
    throw new ConditionError("expected a set after 'of'", t.at, "keywords.*, section.$prefix*, ($prefix*) or them");
  }

  private qualified(t: Extract<Token, { kind: "qualified" }>): VarRef[] {
    const section = SECTIONS.find((s) => s === t.section.toLowerCase());
    if (section == null) throw new ConditionError(`unknown section '${t.section}'`, t.at, "keywords, semantics or llm");
    const names = this.vars[section];
    if (t.name == null) return names.map((name) => ({ section, name }));
    if (!t.wildcard) return [this.resolve(t.name, section, t.at)];
    const prefix = t.name;
    const refs = names.filter((n) => n.startsWith(prefix)).map((name) => ({ section, name }));
    if (refs.length === 0)
      throw new ConditionError(`no ${section} variable starts with $${prefix}`, t.at, "a prefix of a defined variable");
    return refs;
  }

  private resolve(name: string, section: Section | null, at: number): VarRef {
    const found =
      section != null ? (this.vars[section].includes(name) ? section : undefined) : SECTIONS.find((s) => this.vars[s].includes(name));
    if (found == null) {
      const where = section ?? "keywords, semantics or llm";
      throw new ConditionError(`undefined variable $${name}`, at, `a variable defined in ${where}`);
    }
    return { section: found, name };
  }
}
