import type { RuleHit, SimpleCommand } from "../command-types.js";
import { DYNAMIC } from "../shell/markers.js";
import type { CommandRule, RuleContext } from "./rule-context.js";
import { STDOUT_WRITES } from "../shell/redirect-ops.js";

/**
 * `echo $GITHUB_TOKEN`, `printenv AWS_SECRET_ACCESS_KEY`, `op read op://prod/db/password`,
 * `kubectl get secret db -o yaml`: a secret's value printed where the model (and the session's
 * record) reads it. Handing it to another program (`op read … | docker login --password-stdin`),
 * into a file or into a variable (`TOKEN=$(vault kv get -field=token …)`) is not printing it;
 * checking that a variable is set is `test -n "$TOKEN"`.
 */

const PRINTERS = new Set(["echo", "printf", "printenv"]);
/** Name parts that make a variable a secret: GITHUB_TOKEN, DB_PASSWORD, STRIPE_SECRET_KEY. */
const SECRET_PARTS = new Set(["SECRET", "TOKEN", "PASSWORD", "PASSWD", "APIKEY", "CREDENTIALS", "PRIVATE"]);
const SECRET_ENDINGS = /(?:API_KEY|SECRET_KEY|ACCESS_KEY|PRIVATE_KEY|AUTH_KEY)$/;
const WHOLE_NAMES = new Set(["PGPASSWORD", "MYSQL_PWD", "NPM_TOKEN", "GH_TOKEN"]);
const REFERENCE = new RegExp(`${DYNAMIC}\\{([A-Za-z_][A-Za-z0-9_]*)\\}`, "g");

export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  return WHOLE_NAMES.has(upper) || SECRET_ENDINGS.test(upper) || upper.split("_").some((part) => SECRET_PARTS.has(part));
}

function printsSecret(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  const read = readsSecretStore(cmd);
  if ((!PRINTERS.has(cmd.name) && read == null) || !isPrinted(cmd, rc)) return undefined;
  if (read != null) return { detail: read };
  if (cmd.remote != null) return undefined;
  const names =
    cmd.name === "printenv"
      ? cmd.args.filter((a) => !a.startsWith("-"))
      : cmd.args.flatMap((a) => [...a.matchAll(REFERENCE)].map((m) => m[1] ?? ""));
  const secret = names.find(isSecretName);
  return secret == null ? undefined : { detail: `prints $${secret}` };
}

/** Programs that print what they are fed, changed or not: `… | base64 -d`, `… | jq -r .password`. */
const FILTERS = new Set([
  "base64",
  "jq",
  "yq",
  "cut",
  "grep",
  "egrep",
  "head",
  "tail",
  "tr",
  "sed",
  "awk",
  "cat",
  "sort",
  "uniq",
  "tee",
  "xxd",
  "od",
  "less",
  "more",
  "column",
  "rev",
  "fold",
  "xargs",
]);

/**
 * Its output reaches the session: not redirected, not captured by `$( … )`, and piped only
 * through filters that print it on (not into `docker login --password-stdin`).
 */
function isPrinted(cmd: SimpleCommand, rc: RuleContext): boolean {
  if (cmd.redirects.some((r) => STDOUT_WRITES.has(r.op)) || cmd.layers.at(-1) === "$(…)") return false;
  const downstream = rc.analysis.commands.filter(
    (c) => c.pipeline === cmd.pipeline && c.stage > cmd.stage && c.layers.length === cmd.layers.length,
  );
  return downstream.every((c) => FILTERS.has(c.name) && !c.redirects.some((r) => STDOUT_WRITES.has(r.op)));
}

/** Output formats of `kubectl get secret` that carry the values (base64 is not a secret's cover). */
const KUBECTL_VALUES = /^(?:-o|--output)(?:=|$)|^-o(?:yaml|json|jsonpath|go-template)/;

/** The secret managers' CLIs (and kubectl) whose reads print a secret. */
const SECRET_STORES = new Set([
  "op",
  "vault",
  "aws",
  "gcloud",
  "az",
  "doppler",
  "infisical",
  "heroku",
  "bw",
  "pass",
  "gopass",
  "sops",
  "ansible-vault",
  "kubectl",
  "oc",
]);

/** A secret manager's command that prints a secret's value: `op read`, `vault kv get`, `aws secretsmanager get-secret-value`, … */
function readsSecretStore(cmd: SimpleCommand): string | undefined {
  const { name, args } = cmd;
  // Every command of every line comes through here: only these programs' words are read.
  if (!SECRET_STORES.has(name)) return undefined;
  const [a = "", b = "", c = ""] = args.filter((w) => !w.startsWith("-"));
  const has = (...flags: string[]) => args.some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`)));
  if (name === "op" && (a === "read" || (a === "item" && b === "get" && has("--reveal")))) return `op ${a} ${a === "read" ? "" : b}`.trim();
  if (name === "vault" && a === "kv" && b === "get") return "vault kv get";
  // `vault read` of generated credentials or a KV v1 secret; a mount's or a role's settings are not secrets.
  if (name === "vault" && a === "read" && (b.split("/").includes("creds") || b.startsWith("secret/"))) return "vault read";
  if (name === "aws" && a === "secretsmanager" && b === "get-secret-value") return "aws secretsmanager get-secret-value";
  if (name === "aws" && a === "ssm" && b.startsWith("get-parameter") && has("--with-decryption")) return `aws ssm ${b} --with-decryption`;
  if (name === "gcloud" && a === "secrets" && b === "versions" && c === "access") return "gcloud secrets versions access";
  if (name === "az" && a === "keyvault" && b === "secret" && c === "show") return "az keyvault secret show";
  if (name === "doppler" && a === "secrets" && (b === "" || b === "get" || b === "download") && !has("--only-names"))
    return `doppler secrets ${b}`.trim();
  if (name === "infisical" && (a === "secrets" || a === "export") && (b === "" || b === "get")) return `infisical ${a} ${b}`.trim();
  if (name === "heroku" && (a === "config" || a === "config:get")) return `heroku ${a}`;
  if (name === "bw" && a === "get" && (b === "password" || b === "item" || b === "notes" || b === "totp")) return `bw get ${b}`;
  // `pass show -c` copies it to the clipboard instead.
  const shows = a === "show" || (args.length === 1 && a !== "" && !PASS_COMMANDS.has(a));
  if ((name === "pass" || name === "gopass") && shows && !has("-c", "--clip")) return `${name} show`;
  if (name === "sops" && has("-d", "--decrypt")) return "sops --decrypt";
  if (name === "ansible-vault" && (a === "view" || (a === "decrypt" && has("--output")))) return `ansible-vault ${a}`;
  if (
    (name === "kubectl" || name === "oc") &&
    a === "get" &&
    (b === "secret" || b === "secrets" || b.startsWith("secret/")) &&
    args.some((w) => KUBECTL_VALUES.test(w))
  )
    return `${name} get secret -o …`;
  return undefined;
}

/** pass/gopass subcommands; any other single word is an entry's name, which `pass NAME` prints. */
const PASS_COMMANDS = new Set([
  "ls",
  "list",
  "find",
  "search",
  "grep",
  "insert",
  "edit",
  "generate",
  "rm",
  "mv",
  "cp",
  "git",
  "init",
  "help",
  "version",
  "otp",
]);

export const secretVariableRules: readonly CommandRule[] = [
  {
    id: "cred.print-secret",
    severity: "high",
    action: "ask",
    category: "credentials",
    reason:
      'it prints a secret\'s value into the session, where the model and the record read it: a secret environment variable (a token, password or key) or an entry of a secret manager; pipe it to the program that needs it instead, and `test -n "$NAME"` checks a variable is set',
    check: printsSecret,
  },
];
