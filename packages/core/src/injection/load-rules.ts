import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NovaDiagnostic } from "./nova-syntax-error.js";
import { compileNovaSource } from "./rule-compiler.js";
import type { CompiledRule } from "./rule-types.js";
import { readBoundedFile } from "../support/read-bounded-file.js";

/**
 * Rule files read at run time (a user's own `.nov` files): compiled once per process and kept,
 * keyed by path and modification time, so a hook that scans several times parses them once.
 */
/** The shipped `.nov` files and their examples (`packages/core/rules`), for `warden rules check|test` with no DIR. */
export const SHIPPED_RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));

export interface RuleSource {
  readonly path: string;
  readonly text: string;
}

export interface LoadedRules {
  readonly rules: readonly CompiledRule[];
  readonly errors: readonly NovaDiagnostic[];
  readonly warnings: readonly NovaDiagnostic[];
}

/** Compiles files together: rule names must be unique across all of them. */
export function compileRuleSources(sources: readonly RuleSource[]): LoadedRules {
  const rules: CompiledRule[] = [];
  const errors: NovaDiagnostic[] = [];
  const warnings: NovaDiagnostic[] = [];
  const seen = new Map<string, CompiledRule>();
  for (const source of sources) {
    const compiled = compiledFile(source);
    errors.push(...compiled.errors);
    warnings.push(...compiled.warnings);
    for (const rule of compiled.rules) {
      const prior = seen.get(rule.name);
      if (prior) {
        errors.push({
          file: rule.file,
          line: rule.line,
          column: 1,
          rule: rule.name,
          message: `rule ${rule.name} is already defined at ${prior.file}:${prior.line}`,
          expected: "rule names unique across files",
        });
        continue;
      }
      seen.set(rule.name, rule);
      rules.push(rule);
    }
  }
  return { rules, errors, warnings };
}

const compiledCache = new Map<string, ReturnType<typeof compileNovaSource>>();

function compiledFile(source: RuleSource): ReturnType<typeof compileNovaSource> {
  const key = `${source.path}\0${source.text}`;
  let compiled = compiledCache.get(key);
  if (compiled == null) {
    compiled = compileNovaSource(source.text, source.path);
    compiledCache.set(key, compiled);
  }
  return compiled;
}

export interface RuleFileSystem {
  readdirSync(dir: string): string[];
  readFileSync(file: string, encoding: "utf8"): string;
  statSync(file: string): { isDirectory(): boolean; isFile(): boolean };
}

/** The most one rule or examples file may hold: far beyond any real rule set. */
const MAX_RULE_FILE_BYTES = 1024 * 1024;

/** The real file system, reading files with a bound (a FIFO, a device or a huge file is refused). */
const boundedFs: RuleFileSystem = {
  readdirSync: (dir) => fs.readdirSync(dir),
  statSync: (file) => fs.statSync(file),
  readFileSync: (file) => readBoundedFile(file, MAX_RULE_FILE_BYTES),
};

/** The `.nov` files of a directory (or one file), sorted by name. */
export function readRuleSources(target: string, fileSystem: RuleFileSystem = boundedFs): RuleSource[] {
  const files = fileSystem.statSync(target).isDirectory()
    ? fileSystem
        .readdirSync(target)
        .filter((name) => name.endsWith(".nov"))
        .toSorted()
        .map((name) => path.join(target, name))
    : [target];
  return files.map((file) => ({ path: file, text: fileSystem.readFileSync(file, "utf8") }));
}

/** The `*.examples.json` files beside the `.nov` files of a directory (for `warden rules test`). */
export function readExampleSources(dir: string, fileSystem: RuleFileSystem = boundedFs): RuleSource[] {
  return fileSystem
    .readdirSync(dir)
    .filter((name) => name.endsWith(".examples.json"))
    .toSorted()
    .map((name) => ({ path: path.join(dir, name), text: fileSystem.readFileSync(path.join(dir, name), "utf8") }));
}

/** Reads and compiles rule directories or files; a missing path is an error, not an empty set. */
export function loadRuleFiles(targets: readonly string[], fileSystem: RuleFileSystem = boundedFs): LoadedRules {
  const sources: RuleSource[] = [];
  const errors: NovaDiagnostic[] = [];
  for (const target of targets) {
    try {
      sources.push(...readRuleSources(target, fileSystem));
    } catch (error) {
      errors.push({
        file: target,
        line: 1,
        column: 1,
        message: `cannot read rules: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  const loaded = compileRuleSources(sources);
  return { ...loaded, errors: [...errors, ...loaded.errors] };
}
