import type { RuleHit, SimpleCommand } from "../../command-types.js";
import { hasOption, parseOptions } from "../../shell/parse-options.js";
import { asksForHelp, hasFedStdin } from "./pack-words.js";
import { checkFound, definePack } from "./rule-pack.js";

/**
 * Infrastructure as code: tearing a whole stack down (terraform / tofu / terragrunt destroy,
 * `apply -destroy`, pulumi destroy, cdk destroy, serverless remove, sam delete) and applying
 * changes without the plan being approved. Planning (`terraform plan -destroy`) is fine.
 */

interface Teardown {
  readonly detail: string;
  /** Nothing will ask before it runs: an auto-approve flag, or the answer fed on stdin. */
  readonly unattended: boolean;
}

const TERRAFORMS = new Set(["terraform", "tofu", "terragrunt"]);
const PULUMI = { value: "Csmp", valueLong: ["cwd", "stack", "color", "config-file", "target", "exclude", "message", "parallel"] };
const NAMES = new Set([...TERRAFORMS, "pulumi", "cdk", "cdktf", "serverless", "sls", "sam"]);

/** Terraform reads `-flag`, `--flag` and `-flag=true` alike; `-flag=false` turns it off. */
function terraformFlag(args: readonly string[], name: string): boolean {
  return args.some((a) => {
    const bare = a.startsWith("--") ? a.slice(1) : a;
    return bare === `-${name}` || (bare.startsWith(`-${name}=`) && bare.slice(name.length + 2) !== "false");
  });
}

/** `terraform [-chdir=…] destroy`, `terragrunt run-all destroy`, `terragrunt run --all -- destroy`: the terraform subcommand. */
function terraformSubcommand(name: string, args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith("-"));
  const first = words[0];
  return name === "terragrunt" && (first === "run-all" || first === "run") ? words[1] : first;
}

function findTeardown(cmd: SimpleCommand): Teardown | undefined {
  const { name, args } = cmd;
  if (!NAMES.has(name) || asksForHelp(args)) return undefined;
  if (TERRAFORMS.has(name)) {
    const sub = terraformSubcommand(name, args);
    const destroys = sub === "destroy" || (sub === "apply" && terraformFlag(args, "destroy"));
    if (!destroys) return undefined;
    const unattended =
      terraformFlag(args, "auto-approve") ||
      terraformFlag(args, "terragrunt-non-interactive") ||
      terraformFlag(args, "non-interactive") ||
      hasFedStdin(cmd);
    return { detail: `${name} ${args.find((a) => a === "run-all") == null ? "" : "run-all "}${sub}`.trim(), unattended };
  }
  if (name === "pulumi") {
    const p = parseOptions(args, PULUMI);
    const sub = p.positionals[0];
    // `pulumi stack rm` deletes the stack's state and history (its resources, with --force, are left unmanaged).
    if (sub === "stack" && (p.positionals[1] === "rm" || p.positionals[1] === "remove"))
      return { detail: "pulumi stack rm", unattended: false };
    if ((sub !== "destroy" && sub !== "down") || p.long.has("preview-only")) return undefined;
    return { detail: `pulumi ${sub}`, unattended: hasOption(p, "yf", ["yes", "skip-preview"]) || hasFedStdin(cmd) };
  }
  if ((name === "cdk" || name === "cdktf") && args[0] === "destroy") {
    const p = parseOptions(args.slice(1));
    return { detail: `${name} destroy`, unattended: hasOption(p, "f", ["force", "auto-approve"]) || hasFedStdin(cmd) };
  }
  if ((name === "serverless" || name === "sls") && args[0] === "remove") return { detail: `${name} remove`, unattended: true };
  if (name === "sam" && args[0] === "delete")
    return { detail: "sam delete", unattended: args.includes("--no-prompts") || hasFedStdin(cmd) };
  return undefined;
}

/** `terraform apply -auto-approve`, `pulumi up --yes`, `cdktf deploy --auto-approve`: changes go live unreviewed. */
function appliesUnattended(cmd: SimpleCommand): RuleHit | undefined {
  const { name, args } = cmd;
  if (!NAMES.has(name) || asksForHelp(args)) return undefined;
  if (TERRAFORMS.has(name)) {
    const sub = terraformSubcommand(name, args);
    if (sub !== "apply" || terraformFlag(args, "destroy")) return undefined;
    return terraformFlag(args, "auto-approve") ||
      terraformFlag(args, "non-interactive") ||
      terraformFlag(args, "terragrunt-non-interactive")
      ? { detail: `${name} apply -auto-approve` }
      : undefined;
  }
  if (name === "pulumi") {
    const p = parseOptions(args, PULUMI);
    const sub = p.positionals[0];
    return (sub === "up" || sub === "update") && hasOption(p, "yf", ["yes", "skip-preview"])
      ? { detail: `pulumi ${sub} --yes` }
      : undefined;
  }
  if (name === "cdktf" && args[0] === "deploy" && args.includes("--auto-approve")) return { detail: "cdktf deploy --auto-approve" };
  return undefined;
}

export const iacPack = definePack("iac", "infrastructure as code: terraform, tofu, terragrunt, pulumi, cdk, serverless, sam", [
  {
    id: "iac.destroy-unattended",
    severity: "critical",
    action: "deny",
    category: "destructive-infrastructure",
    reason:
      "it destroys every resource an infrastructure stack manages without asking first (-auto-approve, --yes, --force, or the answer fed on stdin)",
    check: checkFound(findTeardown, (found) => found.unattended),
  },
  {
    id: "iac.destroy",
    severity: "high",
    action: "ask",
    category: "destructive-infrastructure",
    reason: "it destroys every resource an infrastructure stack manages (the tool would ask too, but a session cannot answer it)",
    check: checkFound(findTeardown, (found) => !found.unattended),
  },
  {
    id: "iac.apply-unattended",
    severity: "medium",
    action: "ask",
    category: "infrastructure",
    reason: "it applies infrastructure changes without showing the plan for approval (-auto-approve, --yes)",
    check: appliesUnattended,
  },
]);
