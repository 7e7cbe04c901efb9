import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  checkRules,
  injectionOptionsFromConfig,
  loadWardenConfig,
  readExampleSources,
  readRuleSources,
  SHIPPED_RULES_DIR,
  testRules,
  type RuleSource,
} from "@warden/core";
import { CliFailure, CliUsageError, type CliIo } from "../cli-io.js";
import { homeOf } from "../data-dir.js";
import { defineCommand } from "../define-command.js";
import { didYouMean } from "../did-you-mean.js";
import { toJson } from "../format.js";
import { formatRulesCheck, formatRulesTest } from "./rules-report.js";

const SUBCOMMANDS = ["check", "test"] as const;

/** `warden rules check|test [DIR]`: lints rule files or runs their examples. */
export const RULES = defineCommand({
  name: "rules",
  synopsis: "check|test [DIR]",
  summary: "checks the prompt-injection rule files (.nov) or runs their examples",
  details: `check: parses the NOVA rule files and reports each error with file:line:column and what was
expected, and the rules only partially evaluated because a tier they need (semantics, or llm unless
configured) is not available here
test: runs every rule file's own examples (<name>.examples.json beside <name>.nov)
DIR: a folder of .nov files or one .nov file (default: the shipped rules)`,
  maxPositionals: 2,
  options: {
    project: {
      type: "string",
      value: "DIR",
      help: "the project (default: the cwd); its .claude/warden.json decides whether the llm tier is on",
    },
  },
  answersNo: "check: a rule file has an error; test: an example does not behave",
  run: ({ values, positionals }, io) => {
    const [action, dir] = positionals;
    if (action !== "check" && action !== "test") {
      const problem = action == null ? "give a subcommand" : `unknown subcommand "${action}"${didYouMean(action, SUBCOMMANDS)}`;
      throw new CliUsageError(`${problem}: ${SUBCOMMANDS.join(" or ")}`);
    }
    const target = dir == null ? shippedRulesDir() : path.resolve(io.cwd, dir);
    if (isFile(target) && !target.endsWith(".nov"))
      throw new CliUsageError(`${dir ?? target} is not a rule file: give a folder of .nov files or one .nov file`);
    const sources = readSources(target, io.cwd);
    if (sources.length === 0) throw new CliFailure(`no .nov rule files in ${target}; give a folder of .nov files or one .nov file`);

    const report =
      action === "check"
        ? formatRulesCheck(checkRules(sources, { llm: llmTierOn(values.project, io), semantics: false }))
        : formatRulesTest(testRules(sources, readExamples(target, io.cwd)));
    io.out(values.json ? toJson({ action, target, ...report.json }) : report.text);
    return report.exitCode;
  },
});

/**
 * The shipped `.nov` files. SHIPPED_RULES_DIR is right when core runs from its own folder; inside
 * the CLI bundle (hooks/warden.mjs) it points beside the bundle, so look in the checkout too.
 */
function shippedRulesDir(): string {
  const candidates = [SHIPPED_RULES_DIR, fileURLToPath(new URL("../packages/core/rules/", import.meta.url))];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "instruction-override.nov")));
  if (found == null)
    throw new CliFailure(`the shipped rules are not beside this CLI (looked in ${candidates.join(" and ")}); give the rules DIR`);
  return found;
}

function isFile(target: string): boolean {
  try {
    return fs.statSync(target).isFile();
  } catch {
    return false;
  }
}

function readSources(target: string, cwd: string): RuleSource[] {
  try {
    return readRuleSources(target).map((s) => ({ ...s, path: displayPath(s.path, cwd) }));
  } catch (error) {
    throw new CliFailure(`cannot read rules at ${target}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The examples beside the rules: every `*.examples.json` of the folder, or the one file's own. */
function readExamples(target: string, cwd: string): RuleSource[] {
  const examples = fs.statSync(target).isDirectory()
    ? readExampleSources(target)
    : [target.replace(/\.nov$/, ".examples.json")]
        .filter((file) => fs.existsSync(file))
        .map((file) => ({ path: file, text: fs.readFileSync(file, "utf8") }));
  return examples.map((s) => ({ ...s, path: displayPath(s.path, cwd) }));
}

/** Paths under the cwd are shown relative to it, as a user would type them. */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** Whether the guard would ask the LLM tier in this project: enabled in config and its API key set. */
function llmTierOn(project: string | undefined, io: CliIo): boolean {
  const projectDir = path.resolve(io.cwd, project ?? ".");
  const config = loadWardenConfig(projectDir, homeOf(io));
  for (const error of config.errors) io.err(`warden rules: config ignored: ${error}`);
  const llm = config.injection.llm;
  if (llm == null) return false;
  const resolved = injectionOptionsFromConfig({ llm }, { env: io.env, projectDir });
  for (const error of resolved.errors) io.err(`warden rules: injection: ${error}`);
  return resolved.options.llm != null;
}
