import { relativePath } from "./format-values.js";
import { isPlainObject } from "./value-display.js";

/**
 * One line saying what a tool call did, for the timeline and the Markdown summary: the command of
 * a Bash call, the path of a file tool, the pattern of a search, else the first short string field.
 * Plain text, not escaped; whitespace runs collapsed; at most `max` characters.
 */
export function describeToolCall(toolName: string, input: unknown, projectDir: string | null, max = 160): string {
  return clip(pickDescription(toolName, input, projectDir), max);
}

const PATH_KEYS = ["file_path", "notebook_path", "path"] as const;
const TEXT_KEYS = ["command", "pattern", "url", "query", "description", "prompt", "skill", "subject"] as const;

function pickDescription(toolName: string, input: unknown, projectDir: string | null): string {
  if (typeof input === "string") return input;
  if (!isPlainObject(input)) return "";
  const text = (key: string): string | null => {
    const value = input[key];
    return typeof value === "string" && value.trim() !== "" ? value : null;
  };
  switch (toolName) {
    case "Grep":
    case "Glob": {
      const pattern = text("pattern") ?? "";
      const where = text("path");
      return where == null ? pattern : `${pattern}  in ${relativePath(where, projectDir)}`;
    }
    case "Task":
    case "Agent": {
      const type = text("subagent_type");
      const description = text("description") ?? text("prompt") ?? "";
      return type == null ? description : `${type}: ${description}`;
    }
    case "TodoWrite":
      return Array.isArray(input.todos) ? `${input.todos.length} todos` : "";
  }
  for (const key of PATH_KEYS) {
    const value = text(key);
    if (value != null) return relativePath(value, projectDir);
  }
  for (const key of TEXT_KEYS) {
    const value = text(key);
    if (value != null) return value;
  }
  for (const value of Object.values(input)) if (typeof value === "string" && value.trim() !== "") return value;
  return "";
}

function clip(text: string, max: number): string {
  // Only the head can be shown: collapse no more than a few times what fits.
  const flat = text
    .slice(0, max * 4)
    .replace(/\s+/g, " ")
    .trim();
  if (flat.length <= max && text.length <= max * 4) return flat;
  if (flat.length < max) return `${flat}…`;
  const code = flat.charCodeAt(max - 2);
  const cut = code >= 0xd800 && code <= 0xdbff ? max - 2 : max - 1;
  return `${flat.slice(0, cut)}…`;
}
