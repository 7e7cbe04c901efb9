import path from "node:path";
import * as z from "zod/mini";
import { DEFAULT_VALUE_LIMIT_BYTES } from "../store/bounded-value.js";
import { commandPolicyOptionsSchema, type CommandPolicyOptions } from "../command-policy/command-policy-options.js";
import { injectionConfigSchema, type InjectionConfig } from "../injection/injection-config-schema.js";
import { lazySchema } from "../support/lazy-schema.js";
import { describeIssue } from "../support/schema-issues.js";
import { readBoundedFile } from "../support/read-bounded-file.js";
import { isCode } from "../support/file-lock.js";

/**
 * `.claude/warden.json` (project, committed with the settings) and `~/.claude/warden.json` (user).
 * They combine key by key: the project's value wins for plain settings, `commands.rules` and
 * `commands.packs` merge per id (the project's fields win), and lists of added rules are joined (user's first).
 * An invalid file never switches the guard off: its errors are reported and the defaults, plus
 * the other file if valid, stand in for it.
 */
export const wardenConfigSchema = lazySchema(() =>
  z.strictObject({
    $schema: z.optional(z.string()),
    /** Largest recorded size of one string (and of a whole tool output), in bytes. */
    max_value_bytes: z.optional(z.number().check(z.int(), z.gte(1024))),
    /** Secrets in what Warden stores and renders: "on" masks them (the default), "off" keeps raw text. */
    redact: z.optional(z.enum(["on", "off"])),
    /** What PreToolUse does when Warden itself fails: "open" lets the call go on, "closed" denies it. */
    fail_mode: z.optional(z.enum(["open", "closed"])),
    /** The shell-aware command and path policy: disable or re-level rules, add rules. */
    commands: z.optional(commandPolicyOptionsSchema()),
    /** The prompt-injection scanner: warn level, extra NOVA rule files, the optional LLM tier, the statistical layer. */
    injection: z.optional(injectionConfigSchema()),
    /** The team store: where `warden sync` ships this machine's sessions (see teamSettings). */
    team: z.optional(teamConfigSchema()),
    /** Commits linked to the sessions that made them, line by line (see the README's "Provenance"). */
    provenance: z.optional(provenanceConfigSchema()),
    /** Prices of your own, asked before Warden's checked table (see the README's "Prices"). */
    pricing: z.optional(pricingConfigSchema()),
  }),
);
export const pricingConfigSchema = lazySchema(() =>
  z.strictObject({
    /** A price file (JSON, the README's "Prices" says its shape), relative to this config file's folder; $WARDEN_PRICES wins over it. */
    file: z.optional(z.string().check(z.minLength(1))),
  }),
);
export const provenanceConfigSchema = lazySchema(() =>
  z.strictObject({
    /** Follow the lines the model writes and record a checkpoint at each commit a session makes (default true). */
    enabled: z.optional(z.boolean()),
    /** Write each such commit's record as a git note under refs/notes/warden, and let notes follow amend and rebase (default true). */
    git_notes: z.optional(z.boolean()),
    /** Put the prompt behind each AI write in the note, masked and cut to 1,000 characters (default true). */
    note_prompts: z.optional(z.boolean()),
  }),
);
export type ProvenanceConfig = z.infer<ReturnType<typeof provenanceConfigSchema>>;

export const teamConfigSchema = lazySchema(() =>
  z.strictObject({
    /** postgres://… of the team's PostgreSQL. Only in the user's file: a project's file is committed, and a URL holds a password. */
    database_url: z.optional(z.string().check(z.minLength(1))),
    /** The name the team sees for this developer; the login name when absent. */
    user: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    /** The name the team sees for this machine; the host name when absent. */
    machine: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    /** Whether SessionEnd starts a detached `warden sync` (default true when a database is set). */
    sync_at_session_end: z.optional(z.boolean()),
    /** `warden sync` also exports tool decisions and flagged prompts as OpenTelemetry logs (OTLP/HTTP, to $OTEL_EXPORTER_OTLP_ENDPOINT). */
    otel_logs: z.optional(z.boolean()),
  }),
);
export type TeamConfig = z.infer<ReturnType<typeof teamConfigSchema>>;

export type WardenConfig = z.infer<ReturnType<typeof wardenConfigSchema>>;

export interface ResolvedConfig {
  readonly maxValueBytes: number;
  readonly failMode: "open" | "closed";
  /** Mask secrets in records and reports. */
  readonly redact: boolean;
  readonly commands: CommandPolicyOptions;
  readonly injection: InjectionConfig;
  /** The team store settings, the database URL only from the user's file. */
  readonly team: TeamConfig;
  readonly provenance: { readonly enabled: boolean; readonly gitNotes: boolean; readonly notePrompts: boolean };
  /** The price file `pricing.file` names (absolute), and the config file that names it; null when neither does. */
  readonly pricing: { readonly file: string; readonly configFile: string } | null;
  /** Problems found in the config files; each names the file, the key, the value found and what is accepted. */
  readonly errors: readonly string[];
}

export function configPaths(projectDir: string, home: string): { project: string; user: string } {
  return { project: path.join(projectDir, ".claude", "warden.json"), user: path.join(home, ".claude", "warden.json") };
}

export function loadWardenConfig(projectDir: string, home: string): ResolvedConfig {
  const files = configPaths(projectDir, home);
  const errors: string[] = [];
  const user = readConfigFile(files.user, errors);
  const project = readConfigFile(files.project, errors);
  return {
    maxValueBytes: project.max_value_bytes ?? user.max_value_bytes ?? DEFAULT_VALUE_LIMIT_BYTES,
    failMode: project.fail_mode ?? user.fail_mode ?? "open",
    redact: (project.redact ?? user.redact ?? "on") === "on",
    commands: mergeCommandOptions(user.commands ?? {}, project.commands ?? {}),
    injection: mergeInjectionOptions(user.injection ?? {}, project.injection ?? {}),
    team: mergeTeamOptions(user.team ?? {}, project.team ?? {}, files.project, errors),
    provenance: {
      enabled: project.provenance?.enabled ?? user.provenance?.enabled ?? true,
      gitNotes: project.provenance?.git_notes ?? user.provenance?.git_notes ?? true,
      notePrompts: project.provenance?.note_prompts ?? user.provenance?.note_prompts ?? true,
    },
    pricing: priceFileOf(project, files.project) ?? priceFileOf(user, files.user),
    errors,
  };
}

export function mergeCommandOptions(user: CommandPolicyOptions, project: CommandPolicyOptions): CommandPolicyOptions {
  const rules: NonNullable<CommandPolicyOptions["rules"]> = { ...user.rules };
  for (const [id, override] of Object.entries(project.rules ?? {})) rules[id] = { ...rules[id], ...override };
  const packs: NonNullable<CommandPolicyOptions["packs"]> = { ...user.packs };
  for (const [id, setting] of Object.entries(project.packs ?? {})) packs[id] = { ...packs[id], ...setting };
  const unparseable = project.unparseable ?? user.unparseable;
  return {
    rules,
    packs,
    command_rules: joinById(user.command_rules ?? [], project.command_rules ?? []),
    path_rules: joinById(user.path_rules ?? [], project.path_rules ?? []),
    ...(unparseable ? { unparseable } : {}),
  };
}

/** The project's warn level and LLM settings win; rule files of both apply. */
export function mergeInjectionOptions(user: InjectionConfig, project: InjectionConfig): InjectionConfig {
  const warnAt = project.warn_at ?? user.warn_at;
  const llm = project.llm ?? user.llm;
  const model = project.model ?? user.model;
  const rules = [...new Set([...(user.rules ?? []), ...(project.rules ?? [])])];
  return {
    ...(warnAt ? { warn_at: warnAt } : {}),
    ...(llm ? { llm } : {}),
    ...(model ? { model } : {}),
    ...(rules.length > 0 ? { rules } : {}),
  };
}

/**
 * The project's names win; its database URL is refused (reported, not used): the project's file
 * is committed with the repository, and a URL carries the database password.
 */
function mergeTeamOptions(user: TeamConfig, project: TeamConfig, projectFile: string, errors: string[]): TeamConfig {
  const { database_url: committedUrl, ...projectRest } = project;
  if (committedUrl != null)
    errors.push(
      `${projectFile}: team.database_url is ignored here (this file is committed, and the URL holds a password); set WARDEN_DATABASE_URL or put it in ~/.claude/warden.json`,
    );
  return { ...user, ...projectRest };
}

/** `pricing.file` of one config file, resolved against that file's folder. */
function priceFileOf(config: WardenConfig, configFile: string): ResolvedConfig["pricing"] {
  const file = config.pricing?.file;
  return file == null ? null : { file: path.resolve(path.dirname(configFile), file), configFile };
}

/** User's rules then the project's; a project rule replaces a user rule of the same id. */
function joinById<R extends { id: string }>(user: readonly R[], project: readonly R[]): R[] {
  const projectIds = new Set(project.map((r) => r.id));
  return [...user.filter((r) => !projectIds.has(r.id)), ...project];
}

/** A config file is small; anything larger (or a FIFO, a device) is refused rather than read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

function readConfigFile(file: string, errors: string[]): WardenConfig {
  let text: string;
  try {
    text = readBoundedFile(file, MAX_CONFIG_BYTES);
  } catch (error) {
    if (!isCode(error, "ENOENT")) errors.push(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    errors.push(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return {};
  }
  const schema = wardenConfigSchema();
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  // One error per problem, each naming the file, the key path, the value found and what is accepted.
  for (const issue of parsed.error.issues) errors.push(`${file}: ${describeIssue(issue, { input: json, schema })}`);
  return {};
}
