import type { SimpleCommand } from "../../command-types.js";

/** Small readings of a command that several packs share. */

const HELP = new Set(["--help", "-help", "-h", "help"]);

/** `terraform destroy -help`, `aws s3 rm help`, `kubectl delete --help`: it prints usage and runs nothing. */
export function asksForHelp(args: readonly string[]): boolean {
  return args.some((a) => HELP.has(a));
}

/** Something answers its prompts: a pipe (`yes |`, `echo yes |`), a heredoc, a here-string or a file. */
export function hasFedStdin(cmd: SimpleCommand): boolean {
  return cmd.stage > 0 || cmd.stdinText != null || cmd.stdinFile != null || cmd.redirects.some((r) => r.op === "<");
}
