import type { RuleInfo } from "../command-types.js";
import { deletionRules } from "./deletion-rules.js";
import { diskRules } from "./disk-rules.js";
import { gitDiscardRules } from "./git-discard-rules.js";
import { gitRecoveryRules } from "./git-recovery-rules.js";
import { gitRules } from "./git-rules.js";
import { networkRules } from "./network-rules.js";
import { projectDeletionRules } from "./project-deletion-rules.js";
import { inputCodeRules } from "./input-code-rules.js";
import { secretVariableRules } from "./secret-variables.js";
import { RULE_PACKS } from "./packs/pack-catalogue.js";
import type { PathRule } from "./protected-paths.js";
import { pluginRules } from "./plugin-rules.js";
import { DEFAULT_SERVER_DIR, SERVER_STATE_FILE, SERVER_STATE_RULE } from "./server-folder.js";
import { serverRules } from "./server-rules.js";
import type { CommandRule } from "./rule-context.js";
import { systemRules } from "./system-rules.js";

/** Every built-in rule: what it stops, how bad it is, and what the guard does by default. */

export const PATH_RULES: readonly PathRule[] = [
  {
    id: "cred.read-secret",
    severity: "high",
    action: "deny",
    category: "credentials",
    reason: "it reads, copies or encodes a credential file (private keys, .env files, cloud and registry tokens)",
    access: "read",
    paths: [
      "~/.ssh/id_*",
      "**/.ssh/id_*",
      "id_rsa",
      "id_dsa",
      "id_ecdsa",
      "id_ed25519",
      "*.p12",
      "*.pfx",
      ".env",
      ".env.*",
      "~/.aws/credentials",
      "~/.netrc",
      ".netrc",
      ".git-credentials",
      "~/.npmrc",
      "~/.pypirc",
      "~/.docker/config.json",
      "~/.kube/config",
      "~/.config/gh/hosts.yml",
      "~/.gnupg/**",
      "~/.password-store/**",
      "~/Library/Keychains/**",
      "~/.pgpass",
      "~/.my.cnf",
      "~/.config/gcloud/application_default_credentials.json",
      "~/.config/gcloud/credentials.db",
      "~/.config/gcloud/access_tokens.db",
      "~/.config/gcloud/legacy_credentials/**",
      "~/.aws/sso/cache/*.json",
      "~/.azure/accessTokens.json",
      "~/.azure/msal_token_cache.*",
      "~/.oci/config",
      "~/.config/doctl/config.yaml",
      "~/.vault-token",
      "~/.terraform.d/credentials.tfrc.json",
      "~/.pulumi/credentials.json",
      "~/.config/hub",
      "~/.config/glab-cli/config.yml",
      "~/.cargo/credentials",
      "~/.cargo/credentials.toml",
      "~/.gem/credentials",
      "~/.s3cfg",
      "~/.boto",
      "~/.mc/config.json",
      "~/.config/rclone/rclone.conf",
      "~/.config/stripe/config.toml",
      "~/.wrangler/config/default.toml",
      "~/.config/.wrangler/config/default.toml",
      "~/.fly/config.yml",
      "~/.databrickscfg",
      "~/.snowsql/config",
      "/etc/shadow",
      "/etc/gshadow",
      "/proc/*/environ",
    ],
    keyFiles: ["*.pem", "*.key", "*.crt", "*.cer"],
    except: ["*.pub", ".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults"],
  },
  {
    id: "guard.disable",
    severity: "critical",
    action: "deny",
    category: "guard-tampering",
    reason: "it changes Claude Code's settings or Warden's own config and records, which could switch the guard off",
    access: "write",
    paths: [
      ".claude",
      ".claude/settings*.json",
      ".claude/warden.json",
      ".warden",
      ".warden/**",
      "managed-settings.json",
      // Installed plugins, their list and their data: Warden as a plugin lives there.
      "~/.claude/plugins",
      "~/.claude/plugins/**",
      // The resident server's folder where it is by default (the hook adds the one it uses):
      // a state file written there would send the hooks to an impostor.
      `~/${DEFAULT_SERVER_DIR}`,
      `~/${DEFAULT_SERVER_DIR}/**`,
    ],
    except: [],
  },
  {
    id: SERVER_STATE_RULE,
    severity: "critical",
    action: "deny",
    category: "guard-tampering",
    reason:
      "it reads the resident server's state file, whose token and proof would let a process answer the guard's hooks in the server's place; only the hooks and `warden server` read it",
    access: "read",
    // The hook adds the state file of the folder it uses; a command that searches the folder reads it too.
    paths: [`~/${DEFAULT_SERVER_DIR}/${SERVER_STATE_FILE}`],
    except: [],
  },
];

/** The core rules, then every pack's. */
export const COMMAND_RULES: readonly CommandRule[] = [
  ...deletionRules,
  ...projectDeletionRules,
  ...diskRules,
  ...networkRules,
  ...gitRules,
  ...gitDiscardRules,
  ...gitRecoveryRules,
  ...systemRules,
  ...inputCodeRules,
  ...secretVariableRules,
  ...pluginRules,
  ...serverRules,
  ...RULE_PACKS.flatMap((pack) => pack.rules),
];

/** The finding recorded when a command cannot be parsed; its action is the `unparseable` option. */
export const UNPARSEABLE_RULE: RuleInfo = {
  id: "shell.unparseable",
  severity: "low",
  action: "warn",
  category: "parse",
  reason: "the guard could not parse the command completely, so it could not check all of it",
};

/** The finding recorded when a command cannot be parsed and its text names a destructive program. */
export const UNPARSEABLE_DESTRUCTIVE_RULE: RuleInfo = {
  id: "shell.unparseable-destructive",
  severity: "high",
  action: "ask",
  category: "parse",
  reason:
    "the guard could not parse the command, and it names a program that destroys data (rm -r, mkfs, dd of=, …), so it cannot tell what would be destroyed",
};

/** The finding recorded when parts of a command nest too deep (or it is too long) to be analysed. */
export const TOO_COMPLEX_RULE: RuleInfo = {
  id: "shell.too-complex",
  severity: "medium",
  action: "ask",
  category: "parse",
  reason: "it nests commands deeper (or is longer) than the guard analyses, so part of what it runs cannot be checked",
};

export const RULE_CATALOGUE: readonly RuleInfo[] = [
  ...COMMAND_RULES,
  ...PATH_RULES,
  UNPARSEABLE_RULE,
  UNPARSEABLE_DESTRUCTIVE_RULE,
  TOO_COMPLEX_RULE,
].map(ruleInfo);

/** A rule as it is documented: its id, levels, reason and pack, without its matching logic. */
export function ruleInfo({ id, severity, action, category, reason, pack }: RuleInfo): RuleInfo {
  return pack == null ? { id, severity, action, category, reason } : { id, severity, action, category, reason, pack };
}
