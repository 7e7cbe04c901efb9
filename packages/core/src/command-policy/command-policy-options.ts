import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import { severitySchema } from "../verdict.js";

/**
 * The guard's configuration, as it will live in `.claude/warden.json` (snake_case). Every key is
 * optional: `{}` is the built-in catalogue with its default actions.
 *
 * ```json
 * {
 *   "rules": { "git.force-push": { "action": "ask" }, "net.upload": { "enabled": false },
 *              "cred.read-secret": { "except": [".env.test"] } },
 *   "packs": { "cloud": { "action": "ask" }, "publish": { "enabled": false } },
 *   "command_rules": [{ "id": "team.no-terraform-destroy", "command": "terraform", "args": ["destroy"],
 *                       "reason": "it destroys infrastructure" }],
 *   "path_rules": [{ "id": "team.no-prod-keys", "paths": ["deploy/prod/**"], "access": "read",
 *                    "reason": "production secrets" }],
 *   "unparseable": "ask"
 * }
 * ```
 */

export const ruleActionSchema = lazySchema(() => z.enum(["deny", "ask", "warn"]));

const ruleIdSchema = lazySchema(() =>
  z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, "rule ids are lower-case words joined by . _ or -, e.g. team.no-terraform-destroy")),
);

export const ruleOverrideSchema = lazySchema(() =>
  z.strictObject({
    /** `false` switches the rule off. */
    enabled: z.optional(z.boolean()),
    action: z.optional(ruleActionSchema()),
    severity: z.optional(severitySchema()),
    /** For path rules: more globs that are allowed despite matching. */
    except: z.optional(z.array(z.string())),
  }),
);

export const packSettingSchema = lazySchema(() =>
  z.strictObject({
    /** `false` switches every rule of the pack off (a rule's own `enabled: true` still switches it on). */
    enabled: z.optional(z.boolean()),
    /** The action of every rule of the pack, unless the rule's own override sets one. */
    action: z.optional(ruleActionSchema()),
  }),
);

export const commandRuleSchema = lazySchema(() =>
  z.strictObject({
    id: ruleIdSchema(),
    reason: z.string().check(z.minLength(1)),
    severity: z.optional(severitySchema()),
    action: z.optional(ruleActionSchema()),
    /** Program names (globs), e.g. `terraform` or `kubectl*`; matched after unwrapping sudo, env, sh -c… */
    command: z.union([z.string(), z.array(z.string())]),
    /** Globs that must each match at least one argument (with `-rf` also read as `-r`, `-f`). */
    args: z.optional(z.array(z.string())),
  }),
);

export const pathRuleSchema = lazySchema(() =>
  z.strictObject({
    id: ruleIdSchema(),
    reason: z.string().check(z.minLength(1)),
    severity: z.optional(severitySchema()),
    action: z.optional(ruleActionSchema()),
    /** Which access is refused; `any` by default. */
    access: z.optional(z.enum(["read", "write", "any"])),
    paths: z.array(z.string()).check(z.minLength(1)),
    except: z.optional(z.array(z.string())),
  }),
);

export const commandPolicyOptionsSchema = lazySchema(() =>
  z.strictObject({
    rules: z.optional(z.record(z.string(), ruleOverrideSchema())),
    /** Rule packs by id (`cloud`, `db`, `containers`, `k8s`, `iac`, `publish`, `platform`, `system`, `remote`), all on by default. */
    packs: z.optional(z.record(z.string(), packSettingSchema())),
    command_rules: z.optional(z.array(commandRuleSchema())),
    path_rules: z.optional(z.array(pathRuleSchema())),
    /** What to do with a command that cannot be parsed: `warn` (allow and record) by default. */
    unparseable: z.optional(z.enum(["allow", "warn", "ask", "deny"])),
  }),
);

export type CommandPolicyOptions = z.infer<ReturnType<typeof commandPolicyOptionsSchema>>;
export type RuleOverride = z.infer<ReturnType<typeof ruleOverrideSchema>>;
export type PackSetting = z.infer<ReturnType<typeof packSettingSchema>>;
export type CustomCommandRule = z.infer<ReturnType<typeof commandRuleSchema>>;
export type CustomPathRule = z.infer<ReturnType<typeof pathRuleSchema>>;
