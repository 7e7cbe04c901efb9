import type { SimpleCommand } from "../../command-types.js";
import { baseName } from "../../shell/unwrap-command.js";

/** Small readings of a command that several packs share. */

const HELP = new Set(["--help", "-help", "-h", "help"]);
/** Runners that start a project's own tools: `bundle exec rails`, `poetry run python`, `pnpm exec prisma`. */
const RUNNERS: Readonly<Record<string, readonly string[]>> = {
  bundle: ["exec"],
  poetry: ["run"],
  pipenv: ["run"],
  uv: ["run"],
  pdm: ["run"],
  pnpm: ["exec"],
  yarn: ["exec"],
  bun: ["x"],
};

/** `terraform destroy -help`, `aws s3 rm help`, `kubectl delete --help`: it prints usage and runs nothing. */
export function asksForHelp(args: readonly string[]): boolean {
  return args.some((a) => HELP.has(a));
}

/** Something answers its prompts: a pipe (`yes |`, `echo yes |`), a heredoc, a here-string or a file. */
export function hasFedStdin(cmd: SimpleCommand): boolean {
  return cmd.stage > 0 || cmd.stdinText != null || cmd.stdinFile != null || cmd.redirects.some((r) => r.op === "<");
}

/**
 * The program a project runner starts and its arguments: `bundle exec rails db:reset` is
 * `rails db:reset`; `pnpm prisma migrate reset` is `prisma migrate reset` when `prisma` is one of
 * the `tools` (pnpm and yarn run a package's binaries by name).
 */
export function runProgram(cmd: SimpleCommand, tools: ReadonlySet<string>): { name: string; args: readonly string[] } {
  const { name, args } = cmd;
  const verbs = RUNNERS[name];
  if (verbs != null && verbs.includes(args[0] ?? "") && args[1] != null) return { name: baseName(args[1]), args: args.slice(2) };
  if ((name === "pnpm" || name === "yarn") && tools.has(args[0] ?? "")) return { name: args[0] ?? "", args: args.slice(1) };
  return { name, args };
}
