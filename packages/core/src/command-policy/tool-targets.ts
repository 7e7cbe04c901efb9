import * as z from "zod/mini";
import { lazySchema } from "../support/lazy-schema.js";
import type { PathAccess } from "./rules/protected-paths.js";

/**
 * What the guard examines in a tool call: the command of Bash, the paths of the file tools.
 * Lenient like every payload schema: only the field needed is required, unknown keys are kept.
 */

export type ToolTarget =
  | { readonly kind: "command"; readonly command: string }
  | { readonly kind: "paths"; readonly paths: readonly { readonly field: string; readonly path: string; readonly access: PathAccess }[] };

const bashInputSchema = lazySchema(() => z.looseObject({ command: z.string() }));
const fileInputSchema = lazySchema(() => z.looseObject({ file_path: z.string() }));
const notebookInputSchema = lazySchema(() => z.looseObject({ notebook_path: z.string() }));
const searchInputSchema = lazySchema(() => z.looseObject({ path: z.optional(z.string()), pattern: z.optional(z.string()) }));
const GLOB_CHARS = /[*?[{]/;

const WRITERS = new Set(["Write", "Edit", "MultiEdit"]);

export function toolTarget(toolName: string, toolInput: unknown): ToolTarget | undefined {
  if (toolName === "Bash") {
    const input = bashInputSchema().safeParse(toolInput);
    return input.success ? { kind: "command", command: input.data.command } : undefined;
  }
  if (toolName === "Read" || WRITERS.has(toolName)) {
    const input = fileInputSchema().safeParse(toolInput);
    if (!input.success) return undefined;
    return { kind: "paths", paths: [{ field: "file_path", path: input.data.file_path, access: toolName === "Read" ? "read" : "write" }] };
  }
  if (toolName === "NotebookEdit") {
    const input = notebookInputSchema().safeParse(toolInput);
    return input.success
      ? { kind: "paths", paths: [{ field: "notebook_path", path: input.data.notebook_path, access: "write" }] }
      : undefined;
  }
  if (toolName === "Grep" || toolName === "Glob") {
    const input = searchInputSchema().safeParse(toolInput);
    if (!input.success) return undefined;
    const paths: { field: string; path: string; access: PathAccess }[] = [];
    const { path, pattern } = input.data;
    if (path != null && path !== "") paths.push({ field: "path", path, access: "read" });
    if (toolName === "Glob" && pattern != null && !GLOB_CHARS.test(pattern)) {
      paths.push({ field: "pattern", path: path == null || path === "" ? pattern : `${path}/${pattern}`, access: "read" });
    }
    return paths.length > 0 ? { kind: "paths", paths } : undefined;
  }
  return undefined;
}
