import type { RuleHit, SimpleCommand } from "../command-types.js";
import { DYNAMIC } from "../shell/markers.js";
import type { CommandRule, RuleContext } from "./rule-context.js";

/**
 * `echo $GITHUB_TOKEN`, `printenv AWS_SECRET_ACCESS_KEY`: the value of a secret variable printed
 * where the model (and the session's record) reads it. Handing it to another program
 * (`echo "$NPM_TOKEN" | docker login --password-stdin`) or into a file is not printing it; checking
 * that it is set is `test -n "$TOKEN"`.
 */

const PRINTERS = new Set(["echo", "printf", "printenv"]);
/** Name parts that make a variable a secret: GITHUB_TOKEN, DB_PASSWORD, STRIPE_SECRET_KEY. */
const SECRET_PARTS = new Set(["SECRET", "TOKEN", "PASSWORD", "PASSWD", "APIKEY", "CREDENTIALS", "PRIVATE"]);
const SECRET_ENDINGS = /(?:API_KEY|SECRET_KEY|ACCESS_KEY|PRIVATE_KEY|AUTH_KEY)$/;
const WHOLE_NAMES = new Set(["PGPASSWORD", "MYSQL_PWD", "NPM_TOKEN", "GH_TOKEN"]);
const REFERENCE = new RegExp(`${DYNAMIC}\\{([A-Za-z_][A-Za-z0-9_]*)\\}`, "g");
const OUTPUT_OPS = new Set([">", ">>", ">|", "&>", "&>>"]);

export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  return WHOLE_NAMES.has(upper) || SECRET_ENDINGS.test(upper) || upper.split("_").some((part) => SECRET_PARTS.has(part));
}

function printsSecret(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  if (!PRINTERS.has(cmd.name) || cmd.remote != null) return undefined;
  // Its output goes to another program or a file, not to the screen.
  if (cmd.redirects.some((r) => OUTPUT_OPS.has(r.op))) return undefined;
  if (rc.analysis.commands.some((c) => c.pipeline === cmd.pipeline && c.stage > cmd.stage)) return undefined;
  const names =
    cmd.name === "printenv"
      ? cmd.args.filter((a) => !a.startsWith("-"))
      : cmd.args.flatMap((a) => [...a.matchAll(REFERENCE)].map((m) => m[1] ?? ""));
  const secret = names.find(isSecretName);
  return secret == null ? undefined : { detail: `prints $${secret}` };
}

export const secretVariableRules: readonly CommandRule[] = [
  {
    id: "cred.print-secret",
    severity: "high",
    action: "deny",
    category: "credentials",
    reason:
      'it prints the value of a secret environment variable (a token, password or key) into the session, where the model and the record read it; `test -n "$NAME"` checks it is set',
    check: printsSecret,
  },
];
