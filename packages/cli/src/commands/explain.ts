import path from "node:path";
import { CommandPolicyConfigError, createCommandPolicy, explainCommand, loadWardenConfig, type CommandExplanation } from "@warden/core";
import { CliUsageError } from "../cli-io.js";
import { homeOf, isDirectory } from "../data-dir.js";
import { defineCommand } from "../define-command.js";
import { EXIT } from "../exit-status.js";

/** The guard's reasoning about one command, without running anything. */
export const EXPLAIN = defineCommand({
  name: "explain",
  synopsis: '"<command>"',
  summary: "shows how the guard parses a shell command and which rule decides, and why",
  details: `segments, unwrapped layers (sudo, bash -c, $(...)), resolved targets; the project's and
user's config apply, as in the guard (a config problem is reported and, as the guard does, set aside)`,
  maxPositionals: 1,
  options: {
    cwd: { type: "string", value: "DIR", help: "the directory the command would run in (default: the current one)" },
    project: { type: "string", value: "DIR", help: "the project (default: --cwd, else the cwd); its .claude/warden.json applies" },
  },
  answersNo: "the guard would deny the command or ask first",
  run: ({ values, positionals }, io) => {
    const command = positionals[0];
    if (command == null || command.trim() === "")
      throw new CliUsageError(`give the command to explain, quoted: warden explain "rm -rf build"`);
    const cwd = path.resolve(io.cwd, values.cwd ?? ".");
    // The command is only explained, never run: a folder that does not exist is worth a word, not a refusal.
    if (!isDirectory(cwd))
      io.err(`warden explain: --cwd ${values.cwd ?? "."}: ${cwd} is not an existing directory; explaining as if the command ran there`);
    const projectDir = path.resolve(io.cwd, values.project ?? values.cwd ?? ".");
    const home = homeOf(io);
    const config = loadWardenConfig(projectDir, home);
    for (const error of config.errors) io.err(`warden explain: config ignored: ${error}`);
    const policy = policyAsTheGuardBuildsIt(config.commands, (warning) => io.err(`warden explain: config: ${warning}`));
    const explanation = explainCommand(command, { cwd, projectDir, home, policy });
    io.out(values.json ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation));
    return explanation.decision.decision === "allow" ? EXIT.yes : EXIT.no;
  },
});

/**
 * The policy the guard would use: a config naming an unknown rule or pack is set aside with a
 * warning and the built-in rules apply (post-tool-guard's guard-factories does the same).
 */
function policyAsTheGuardBuildsIt(
  options: Parameters<typeof createCommandPolicy>[0],
  warn: (text: string) => void,
): ReturnType<typeof createCommandPolicy> {
  try {
    return createCommandPolicy(options);
  } catch (error) {
    if (!(error instanceof CommandPolicyConfigError)) throw error;
    warn(`${error.message}; the guard ignores this config and applies the built-in command policy, so this explanation does too`);
    return createCommandPolicy({});
  }
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
