import { ConditionError, parseCondition } from "./nova-condition.js";
import { readLayout, type RuleLayout, type SourceLine } from "./nova-parser.js";
import { ruleGate } from "./keyword-gates.js";
import { parseKeyword, parseMeta, parsePhrase } from "./nova-lines.js";
import { LineError, type NovaDiagnostic } from "./nova-syntax-error.js";
import type { CompiledRule, ConditionNode, RuleForm, Section, Tier } from "./rule-types.js";
import type { Severity } from "../verdict.js";

/** One `.nov` file compiled: its rules, and what is wrong or doubtful in it. */
export interface CompiledFile {
  readonly rules: readonly CompiledRule[];
  readonly errors: readonly NovaDiagnostic[];
  readonly warnings: readonly NovaDiagnostic[];
}

const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "critical"];
const FORMS: readonly RuleForm[] = ["normalized", "raw"];

export function compileNovaSource(text: string, file: string): CompiledFile {
  const layout = readLayout(text, file);
  const errors: NovaDiagnostic[] = [...layout.errors];
  const warnings: NovaDiagnostic[] = [];
  const rules: CompiledRule[] = [];
  for (const rule of layout.rules) {
    const diagnostics = { file, rule: rule.name, errors, warnings };
    const compiled = compileRule(rule, file, diagnostics);
    if (compiled) rules.push(compiled);
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { rules, errors, warnings };
}

interface Sink {
  readonly file: string;
  readonly rule: string;
  readonly errors: NovaDiagnostic[];
  readonly warnings: NovaDiagnostic[];
}

function compileRule(layout: RuleLayout, file: string, sink: Sink): CompiledRule | undefined {
  const before = sink.errors.length;
  const report = (to: NovaDiagnostic[], line: number, column: number, message: string, expected?: string): void => {
    to.push({ file, line, column, message, rule: sink.rule, ...(expected ? { expected } : {}) });
  };
  // Variables whose line failed still count as defined, so the condition reports no second error.
  const failed: string[] = [];
  const each = <T>(lines: readonly SourceLine[], fn: (l: SourceLine) => T): T[] =>
    lines.flatMap((l) => {
      try {
        return [fn(l)];
      } catch (error) {
        if (!(error instanceof LineError)) throw error;
        report(sink.errors, l.line, l.column + error.column, error.message, error.expected);
        const name = /^\$([A-Za-z0-9_]+)/.exec(l.text)?.[1];
        if (name) failed.push(name);
        return [];
      }
    });
  const section = (name: "meta" | "keywords" | "semantics" | "llm" | "condition"): readonly SourceLine[] =>
    layout.sections.get(name)?.lines ?? [];
  const meta: Record<string, string> = {};
  for (const [key, value] of each(section("meta"), parseMeta)) meta[key] = value;
  const keywords = each(section("keywords"), (l) => parseKeyword(l, (message) => report(sink.warnings, l.line, l.column, message)));
  const semantics = each(section("semantics"), (l) => parsePhrase(l, 0.1));
  const llm = each(section("llm"), (l) => parsePhrase(l, 0.6));

  const seen = new Set<string>();
  for (const v of [...keywords, ...semantics, ...llm]) {
    if (seen.has(v.name)) report(sink.errors, v.line, 1, `variable $${v.name} is defined twice`, "names unique within the rule");
    seen.add(v.name);
  }
  if (keywords.length + semantics.length + llm.length === 0 && sink.errors.length === before) {
    report(
      sink.errors,
      layout.line,
      1,
      `rule ${sink.rule} has no patterns`,
      "a keywords:, semantics: or llm: section with at least one variable",
    );
  }
  const severity = pickSeverity(meta, layout, sink, report);
  const form = FORMS.find((f) => f === (meta.form ?? "normalized"));
  if (form == null) report(sink.errors, layout.line, 1, `meta form = ${JSON.stringify(meta.form)}`, '"normalized" or "raw"');
  const condition = compileCondition(
    layout,
    { keywords: [...keywords, ...failed.map((name) => ({ name }))], semantics, llm },
    sink,
    report,
  );
  if (sink.errors.length > before || condition == null || form == null) return undefined;

  const used = referencedVars(condition);
  for (const v of [...keywords, ...semantics, ...llm]) {
    if (!used.has(v.name)) report(sink.warnings, v.line, 1, `variable $${v.name} is not used in the condition`);
  }
  const tiers = new Set<Tier>();
  for (const [name, s] of used) {
    if (s === "semantics" || s === "llm") tiers.add(s);
    if (s === "keywords" && keywords.find((k) => k.name === name)?.fuzzy) tiers.add("fuzzy");
  }
  const compiled = {
    name: layout.name,
    file,
    line: layout.line,
    meta,
    severity,
    category: meta.category ?? null,
    form,
    keywords,
    semantics,
    llm,
    condition,
    tiers: [...tiers].toSorted(),
    gate: null,
  };
  return { ...compiled, gate: ruleGate(compiled) };
}

type Report = (to: NovaDiagnostic[], line: number, column: number, message: string, expected?: string) => void;

function pickSeverity(meta: Record<string, string>, layout: RuleLayout, sink: Sink, report: Report): Severity {
  const raw = meta.severity;
  if (raw == null) {
    report(sink.warnings, layout.line, 1, `rule ${sink.rule} has no meta severity; medium is assumed`);
    return "medium";
  }
  const severity = SEVERITIES.find((s) => s === raw.toLowerCase());
  if (severity == null)
    report(
      sink.errors,
      layout.sections.get("meta")?.line ?? layout.line,
      1,
      `severity ${JSON.stringify(raw)}`,
      "low, medium, high or critical",
    );
  return severity ?? "medium";
}

function compileCondition(
  layout: RuleLayout,
  vars: Record<Section, readonly { name: string }[]>,
  sink: Sink,
  report: Report,
): ConditionNode | undefined {
  const lines = layout.sections.get("condition")?.lines ?? [];
  if (lines.length === 0) {
    report(sink.errors, layout.line, 1, `rule ${sink.rule} has no condition`, "a condition: section");
    return undefined;
  }
  const starts: number[] = [];
  let text = "";
  for (const line of lines) {
    starts.push(text.length);
    text += `${line.text} `;
  }
  const where = (offset: number): { line: number; column: number } => {
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] ?? 0) <= offset) k++;
    const line = lines[k] ?? lines[0];
    return { line: line?.line ?? layout.line, column: (line?.column ?? 1) + offset - (starts[k] ?? 0) };
  };
  const names = {
    keywords: vars.keywords.map((v) => v.name),
    semantics: vars.semantics.map((v) => v.name),
    llm: vars.llm.map((v) => v.name),
  };
  try {
    const parsed = parseCondition(text.trimEnd(), names);
    for (const w of parsed.warnings) {
      const at = where(w.offset);
      report(sink.warnings, at.line, at.column, w.message);
    }
    return parsed.node;
  } catch (error) {
    if (!(error instanceof ConditionError)) throw error;
    const at = where(error.offset);
    report(sink.errors, at.line, at.column, error.message, error.expected);
    return undefined;
  }
}

/** Every variable the condition refers to, name to section (names are unique within a rule). */
function referencedVars(node: ConditionNode, into = new Map<string, Section>()): Map<string, Section> {
  switch (node.op) {
    case "and":
    case "or":
      referencedVars(node.left, into);
      return referencedVars(node.right, into);
    case "not":
      return referencedVars(node.operand, into);
    case "var":
      return into.set(node.name, node.section);
    case "of":
      for (const v of node.vars) into.set(v.name, v.section);
      return into;
    case "const":
      return into;
    default:
      return assertNever(node);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected condition node ${JSON.stringify(value)}`);
}
