import path from "node:path";
import { parse } from "shell-quote";

/**
 * The absolute paths a tool call names: file and notebook paths, search roots, and the path-like
 * words of a Bash command (arguments and redirection targets), resolved against the cwd and `~`.
 */
export function filesAccessed(toolName: string, toolInput: unknown, cwd: string, home: string): string[] {
  if (!isRecord(toolInput)) return [];
  const found = new Set<string>();
  for (const key of ["file_path", "notebook_path", "path"]) {
    const value = toolInput[key];
    if (typeof value === "string" && value !== "") found.add(resolvePath(value, cwd, home));
  }
  if (Array.isArray(toolInput.edits) && typeof toolInput.file_path === "string") found.add(resolvePath(toolInput.file_path, cwd, home));
  if ((toolName === "Bash" || toolName === "PowerShell") && typeof toolInput.command === "string") {
    for (const word of pathWordsOfCommand(toolInput.command)) found.add(resolvePath(word, cwd, home));
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

const REDIRECTS = new Set([">", ">>", "<", ">&", "<&", "&>", "&>>", "<>", ">|"]);
const LOOKS_LIKE_FILE = /^~$|^(?:[~.]{0,2}\/|\$HOME\/|\$\{HOME\}\/)|\/|\.[A-Za-z0-9]{1,10}$/;

/** Words of a command that name files: not flags, not URLs, not assignments, not globs. */
export function pathWordsOfCommand(command: string): string[] {
  let tokens: ReturnType<typeof parse>;
  try {
    tokens = parse(command, (key) => `$${key}`);
  } catch {
    return [];
  }
  const words: string[] = [];
  let afterRedirect = false;
  let commandStart = true;
  for (const token of tokens) {
    if (typeof token !== "string") {
      const op = "op" in token ? token.op : undefined;
      afterRedirect = op != null && REDIRECTS.has(op);
      commandStart = !afterRedirect;
      continue;
    }
    const isProgram = commandStart && !afterRedirect;
    commandStart = false;
    if (afterRedirect) {
      afterRedirect = false;
      if (!/^&?\d$|^\/dev\/(null|stdout|stderr)$/.test(token)) words.push(token);
      continue;
    }
    if (isProgram && !token.includes("/")) continue;
    if (isPathLike(token)) words.push(token);
  }
  return words;
}

function isPathLike(word: string): boolean {
  if (word === "" || word.startsWith("-") || word.includes("=") || word.includes("://")) return false;
  if (/[*?\s]/.test(word) || (word.startsWith("$") && !/^\$\{?HOME\}?\//.test(word))) return false;
  if (/^\/dev\/(null|stdout|stderr)$/.test(word)) return false;
  return LOOKS_LIKE_FILE.test(word);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === "object" && !Array.isArray(value);
}
