import type { SimpleCommand } from "../../command-types.js";
import { withPowerShellEnv } from "./windows-targets.js";

/**
 * The commands a Windows shell line runs, read well enough to judge them: what follows
 * `powershell -Command` / `-EncodedCommand`, `pwsh -c` and `cmd /c` (`cmd //c` from Git Bash),
 * split into statements and words. PowerShell and cmd are not bash: their quotes, separators and
 * backslashes are read here, not by the bash tokenizer.
 */

export interface WindowsStatement {
  /** The program or cmdlet, lower-cased, without a directory or `.exe`: `remove-item`, `vssadmin`. */
  readonly name: string;
  readonly args: readonly string[];
}

export interface WindowsCode {
  /** The command itself, then every statement of the code it runs, nested shells included. */
  readonly statements: readonly WindowsStatement[];
  /** The PowerShell code it runs, for the checks that read a pipeline whole. */
  readonly powershell: readonly string[];
}

const POWERSHELLS = new Set(["powershell", "pwsh"]);
const MAX_DEPTH = 3;
/** powershell.exe parameters that take a value (any unambiguous prefix is accepted). */
const VALUE_PARAMETERS = [
  "-executionpolicy",
  "-windowstyle",
  "-version",
  "-configurationname",
  "-outputformat",
  "-inputformat",
  "-workingdirectory",
  "-psconsolefile",
  "-settingsfile",
];
const SEPARATORS = new Set([";", "|", "&", "\n", "\r", "{", "}", "(", ")"]);

export function readWindowsCode(cmd: SimpleCommand): WindowsCode {
  const self: WindowsStatement = { name: programName(cmd.name), args: cmd.args };
  const statements = [self];
  const powershell: string[] = [];
  enter(statements, powershell, self, cmd.stdinText, 0);
  return { statements, powershell };
}

/** `C:\Windows\System32\VSSADMIN.EXE` is `vssadmin`. */
export function programName(word: string): string {
  const base = word.slice(Math.max(word.lastIndexOf("/"), word.lastIndexOf("\\")) + 1).toLowerCase();
  return base.endsWith(".exe") || base.endsWith(".com") ? base.slice(0, -4) : base;
}

function enter(
  statements: WindowsStatement[],
  scripts: string[],
  statement: WindowsStatement,
  stdin: string | undefined,
  depth: number,
): void {
  if (depth >= MAX_DEPTH) return;
  const powershell = POWERSHELLS.has(statement.name);
  const given = powershell
    ? powershellCode(statement.name, statement.args, stdin)
    : statement.name === "cmd"
      ? cmdCode(statement.args)
      : undefined;
  if (given == null) return;
  const code = withPowerShellEnv(given);
  if (powershell) scripts.push(code);
  for (const words of splitStatements(code, powershell)) {
    const inner: WindowsStatement = { name: programName(words[0] ?? ""), args: words.slice(1) };
    statements.push(inner);
    enter(statements, scripts, inner, undefined, depth + 1);
  }
}

/** `powershell [-NoProfile …] -Command code…`, `-EncodedCommand base64`, `-Command -` (stdin); Windows PowerShell also runs bare words. */
function powershellCode(name: string, args: readonly string[], stdin: string | undefined): string | undefined {
  for (let k = 0; k < args.length; k += 1) {
    const word = args[k] ?? "";
    const lower = word.toLowerCase();
    if (!word.startsWith("-")) return name === "powershell" ? args.slice(k).join(" ") : undefined;
    if (lower.length >= 2 && "-command".startsWith(lower)) return args[k + 1] === "-" ? stdin : args.slice(k + 1).join(" ");
    if (lower === "-ec" || (lower.length >= 2 && "-encodedcommand".startsWith(lower)))
      return Buffer.from(args[k + 1] ?? "", "base64").toString("utf16le");
    if (lower.length >= 2 && "-file".startsWith(lower)) return undefined;
    if (lower === "-ep" || (lower.length >= 3 && VALUE_PARAMETERS.some((p) => p.startsWith(lower)))) k += 1;
  }
  return undefined;
}

/** `cmd /c line`, `cmd /s /k line`, `cmd //c line` (Git Bash keeps `/c` from becoming a path that way). */
function cmdCode(args: readonly string[]): string | undefined {
  const at = args.findIndex((a) => /^\/\/?[ck]$/i.test(a));
  return at < 0 ? undefined : args.slice(at + 1).join(" ");
}

/** Statements split on `;` `|` `&` newlines and braces outside quotes; words on blanks, quotes removed. */
function splitStatements(code: string, powershell: boolean): string[][] {
  const statements: string[][] = [];
  let words: string[] = [];
  let word = "";
  let quote = "";
  const endWord = (): void => {
    if (word !== "") words.push(word);
    word = "";
  };
  const endStatement = (): void => {
    endWord();
    if (words.length > 0) statements.push(words);
    words = [];
  };
  for (let k = 0; k < code.length; k += 1) {
    const ch = code[k] ?? "";
    if (quote !== "") {
      if (ch === quote) quote = "";
      else word += ch;
    } else if (ch === "`" && powershell) word += code[++k] ?? "";
    else if (ch === "'" || ch === '"') quote = ch;
    else if (SEPARATORS.has(ch)) endStatement();
    else if (ch === " " || ch === "\t") endWord();
    else word += ch;
  }
  endStatement();
  return statements;
}
