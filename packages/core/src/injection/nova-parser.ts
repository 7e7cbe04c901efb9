import type { NovaDiagnostic } from "./nova-syntax-error.js";

/**
 * The layout of a `.nov` file: `rule Name {`, sections each under a `name:` line, and `}` on a
 * line of its own; whole-line comments start with `//` or `#`. This reads only the layout;
 * `compileRule` gives the lines of each section their meaning.
 */
export type SectionName = "meta" | "keywords" | "semantics" | "llm" | "condition";

export interface SourceLine {
  readonly text: string;
  readonly line: number;
  /** 1-based column where `text` starts in the file's line. */
  readonly column: number;
}

export interface RuleLayout {
  readonly name: string;
  readonly line: number;
  readonly column: number;
  readonly sections: ReadonlyMap<SectionName, { readonly line: number; readonly lines: readonly SourceLine[] }>;
}

export interface FileLayout {
  readonly rules: readonly RuleLayout[];
  readonly errors: readonly NovaDiagnostic[];
}

const SECTION_NAMES: readonly SectionName[] = ["meta", "keywords", "semantics", "llm", "condition"];
const SECTION_HEADER = /^(meta|keywords|semantics|llm|condition)\s*:$/i;
const OTHER_HEADER = /^([A-Za-z_][A-Za-z0-9_]*)\s*:$/;
const RULE_START = /^rule\s+([A-Za-z_][A-Za-z0-9_]*)\s*(\{)?$/;

export function readLayout(text: string, file: string): FileLayout {
  const lines = text.split(/\r\n|\n|\r/);
  const rules: RuleLayout[] = [];
  const errors: NovaDiagnostic[] = [];
  let i = 0;
  const at = (index: number, message: string, expected?: string, column = 1, rule?: string): void => {
    errors.push({ file, line: index + 1, column, message, ...(expected ? { expected } : {}), ...(rule ? { rule } : {}) });
  };
  while (i < lines.length) {
    const { content, column } = trimmed(lines[i] ?? "");
    if (isBlankOrComment(content)) {
      i++;
      continue;
    }
    const start = RULE_START.exec(content);
    if (start == null) {
      at(i, `unexpected ${JSON.stringify(content.slice(0, 40))} outside a rule`, "'rule Name {'", column);
      i = skipToNextRule(lines, i + 1);
      continue;
    }
    const name = start[1] ?? "";
    const ruleLine = i;
    i++;
    if (start[2] == null) {
      while (i < lines.length && isBlankOrComment(trimmed(lines[i] ?? "").content)) i++;
      const brace = trimmed(lines[i] ?? "");
      if (brace.content !== "{") {
        at(i < lines.length ? i : ruleLine, `rule ${name} has no opening brace`, "'{'", brace.column, name);
        i = skipToNextRule(lines, i);
        continue;
      }
      i++;
    }
    const sections = new Map<SectionName, { line: number; lines: SourceLine[] }>();
    let current: SourceLine[] | undefined;
    let closed = false;
    let failed = false;
    for (; i < lines.length; i++) {
      const { content: body, column: col } = trimmed(lines[i] ?? "");
      if (body === "}") {
        closed = true;
        i++;
        break;
      }
      if (failed || isBlankOrComment(body)) continue;
      if (RULE_START.test(body)) break;
      const header = SECTION_HEADER.exec(body);
      if (header) {
        const section = SECTION_NAMES.find((n) => n === header[1]?.toLowerCase()) ?? "meta";
        if (sections.has(section)) {
          at(i, `a second ${section}: section`, "each section once per rule", col, name);
          failed = true;
          continue;
        }
        current = [];
        sections.set(section, { line: i + 1, lines: current });
        continue;
      }
      const other = OTHER_HEADER.exec(body);
      if (other) {
        at(i, `unknown section ${JSON.stringify(other[1])}`, "meta:, keywords:, semantics:, llm: or condition:", col, name);
        failed = true;
        continue;
      }
      if (current == null) {
        at(i, `${JSON.stringify(body.slice(0, 40))} before any section`, "a section header such as 'keywords:'", col, name);
        failed = true;
        continue;
      }
      current.push({ text: body, line: i + 1, column: col });
    }
    if (!closed) {
      at(ruleLine, `rule ${name} is not closed`, "'}' on a line of its own", 1, name);
      continue;
    }
    if (!failed) rules.push({ name, line: ruleLine + 1, column: 1, sections });
  }
  return { rules, errors };
}

function trimmed(raw: string): { content: string; column: number } {
  const lead = raw.length - raw.trimStart().length;
  return { content: raw.trim(), column: lead + 1 };
}

function isBlankOrComment(content: string): boolean {
  return content === "" || content.startsWith("//") || content.startsWith("#");
}

function skipToNextRule(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && !RULE_START.test(trimmed(lines[i] ?? "").content)) i++;
  return i;
}
