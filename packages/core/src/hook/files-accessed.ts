import path from "node:path";
import { commandFiles } from "../command-policy/command-files.js";

/**
 * The absolute paths a tool call names: file and notebook paths, search roots, and the files a
 * Bash command touches as the guard reads it (see commandFiles: `warden explain` lists the same),
 * resolved against the cwd and `~`.
 */
export function filesAccessed(toolName: string, toolInput: unknown, cwd: string, home: string): string[] {
  if (!isRecord(toolInput)) return [];
  const found = new Set<string>();
  for (const key of ["file_path", "notebook_path", "path"]) {
    const value = toolInput[key];
    if (typeof value === "string" && value !== "") found.add(resolvePath(value, cwd, home));
  }
  if ((toolName === "Bash" || toolName === "PowerShell") && typeof toolInput.command === "string") {
    // PowerShell's `\` separates directories; it escapes nothing (its escape is the backtick).
    const command = toolName === "PowerShell" ? toolInput.command.replace(/\\/g, "/") : toolInput.command;
    for (const file of commandFiles(command, { cwd, projectDir: cwd, home })) found.add(file);
  }
  return [...found];
}

function resolvePath(value: string, cwd: string, home: string): string {
  const expanded = value
    .replace(/\\/g, "/")
    .replace(/^~(?=$|\/)/, home)
    .replace(/^\$HOME(?=$|\/)/, home)
    .replace(/^\$\{HOME\}(?=$|\/)/, home);
  return path.resolve(cwd, expanded);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === "object" && !Array.isArray(value);
}
