import os from "node:os";
import path from "node:path";
import { createCommandPolicy, explainCommand, loadWardenConfig, type CommandExplanation } from "@warden/core";
import { CliUsageError, type CliIo } from "../cli-io.js";
import { parseCommand } from "../parse-command.js";

export const EXPLAIN_USAGE = `usage: warden explain "<command>" [--cwd DIR] [--project DIR] [--json]
  shows how the guard parses a shell command (segments, unwrapped layers such as sudo, bash -c,
  $(...), resolved targets), which rule decides and why; the project's and user's config apply
  --cwd DIR         the directory the command would run in (default: the current one)
  --project DIR     the project (default: the cwd); its .claude/warden.json applies
  --json            machine-readable output`;

/** The guard's reasoning about one command, without running anything. */
export function runExplain(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommand(
    argv,
    { cwd: { type: "string" }, project: { type: "string" }, json: { type: "boolean" } },
    EXPLAIN_USAGE,
    1,
  );
  const command = positionals[0];
  if (command == null || command.trim() === "") throw new CliUsageError(`give the command to explain, quoted\n${EXPLAIN_USAGE}`);
  const cwd = path.resolve(io.cwd, values.cwd ?? ".");
  const projectDir = path.resolve(io.cwd, values.project ?? values.cwd ?? ".");
  const home = io.env.HOME || os.homedir();
  const config = loadWardenConfig(projectDir, home);
  for (const error of config.errors) io.err(`warden explain: config ignored: ${error}`);
  const policy = createCommandPolicy(config.commands);
  const explanation = explainCommand(command, { cwd, projectDir, home, policy });
  io.out(values.json ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation));
  return 0;
}

function formatExplanation(e: CommandExplanation): string {
  const lines = [`command   ${e.command}`, `parsed    ${e.parsed ? "yes" : `no: ${e.errors.join("; ")}`}`];
  for (const limit of e.limits) lines.push(`limit     ${limit}`);
  e.commands.forEach((c, i) => {
    lines.push("", `segment ${i + 1}: ${c.segment}`);
    lines.push(
      `  program   ${c.program}${
        c.argv.length > 1
          ? `  args: ${c.argv
              .slice(1)
              .map((a) => JSON.stringify(a))
              .join(" ")}`
          : ""
      }`,
    );
    if (c.wrappers.length > 0) lines.push(`  wrappers  ${c.wrappers.join(" › ")}`);
    if (c.assignments.length > 0) lines.push(`  env       ${c.assignments.join(" ")}`);
    if (c.layers.length > 0) lines.push(`  layers    ${c.layers.join(" › ")}`);
    lines.push(`  cwd       ${c.cwd}`);
    for (const t of c.targets) lines.push(`  target    ${t.access} ${t.path} (${t.kind}, from ${JSON.stringify(t.word)})`);
    for (const r of c.redirects) lines.push(`  redirect  ${JSON.stringify(r)}`);
    if (c.rules.length > 0) lines.push(`  rules     ${c.rules.join(", ")}`);
    for (const note of c.recoverability) lines.push(`  recovery  ${note}`);
  });
  lines.push(
    "",
    `decision  ${e.decision.decision} (verdict ${e.decision.verdict}${e.decision.severity ? `, severity ${e.decision.severity}` : ""})`,
  );
  lines.push(`rule      ${e.decidedBy ?? "none"}`);
  if (e.pack != null) lines.push(`pack      ${e.pack}`);
  lines.push(`why       ${e.why}`);
  return lines.join("\n");
}
