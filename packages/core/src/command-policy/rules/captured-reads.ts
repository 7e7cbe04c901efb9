import type { CommandAnalysis, SimpleCommand } from "../command-types.js";
import { SUB_OPEN } from "../shell/markers.js";

/**
 * `PASSWORD=$(grep -oP '(?<=PASSWORD=).*' .env)`, `export KEY=$(<app_key.pem)`: a credential read
 * whose output only lands in a shell variable, where nothing prints it. When any command of the
 * line uses a substitution's output otherwise (`echo "$(cat .env)"`, `curl -d "$(cat .env)"`), the
 * read counts as reading the secret out.
 */

const VARIABLE_SETTERS = new Set(["export", "declare", "typeset", "local", "readonly"]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function isCapturedIntoVariable(cmd: SimpleCommand, analysis: CommandAnalysis): boolean {
  if (cmd.layers.at(-1) !== "$(…)" || cmd.redirects.some((r) => r.op !== "<")) return false;
  return analysis.commands.every((c) => {
    const users = c.argv.filter((w) => w.includes(SUB_OPEN));
    if (users.length === 0) return true;
    return VARIABLE_SETTERS.has(c.name) && users.every((w) => ASSIGNMENT.test(w));
  });
}
