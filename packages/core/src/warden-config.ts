import fs from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import { lazySchema } from "./lazy-schema.js";
import { DEFAULT_VALUE_LIMIT_BYTES } from "./bounded-value.js";

/**
 * `.claude/warden.json` (project, committed with the settings) and `~/.claude/warden.json` (user).
 * The project file wins key by key over the user file. An invalid file never switches the guard
 * off: its errors are reported and the defaults stand in for it.
 */
export const wardenConfigSchema = lazySchema(() =>
  z.looseObject({
  /** Largest recorded size of one string (and of a whole tool output), in bytes. */
  max_value_bytes: z.optional(z.number().check(z.int(), z.gte(1024))),
  }),
);
export type WardenConfig = z.infer<ReturnType<typeof wardenConfigSchema>>;

export interface ResolvedConfig {
  readonly maxValueBytes: number;
  /** Problems found in the config files; each names the file and what was wrong. */
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
  const merged = { ...user, ...project };
  return { maxValueBytes: merged.max_value_bytes ?? DEFAULT_VALUE_LIMIT_BYTES, errors };
}

function readConfigFile(file: string, errors: string[]): WardenConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    errors.push(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return {};
  }
  const parsed = wardenConfigSchema().safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  errors.push(`${file}: ${issues}`);
  return {};
}
