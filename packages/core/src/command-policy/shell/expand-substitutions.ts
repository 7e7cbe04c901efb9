import { SUB_CLOSE, SUB_OPEN, subMarker } from "./markers.js";
import type { Substitution } from "./substitution.js";

/**
 * Puts the output of each substitution whose output is known back where its marker stands, as the
 * shell would before running the command: unquoted, split into words (and not re-read as quotes or
 * operators: those are escaped); in double quotes or a heredoc, as it is. Trailing newlines go, as
 * in the shell. Markers of unknown outputs, and of `<( )` / `>( )` (which stand for a file name),
 * stay, so the word stays dynamic.
 */

const SHELL_SPECIAL = new Set(["\\", "'", '"', "$", "`", ";", "&", "|", "<", ">", "(", ")", "#", "{", "}"]);
const DOUBLE_SPECIAL = new Set(["\\", '"', "$", "`"]);
const FIELD_SEPARATOR = /[ \t\n]+/;
const TRAILING_NEWLINES = /\n+$/;

export function expandSubstitutions(
  text: string,
  subs: readonly Substitution[],
  outputs: ReadonlyMap<number, string>,
  verbatim = false,
): string {
  if (outputs.size === 0 || !text.includes(SUB_OPEN)) return text;
  let out = "";
  let at = 0;
  for (let open = text.indexOf(SUB_OPEN); open >= 0; open = text.indexOf(SUB_OPEN, open + 1)) {
    const close = text.indexOf(SUB_CLOSE, open);
    if (close < 0) break;
    const index = Number(text.slice(open + 1, close));
    const output = outputs.get(index);
    const sub = subs[index];
    if (output == null || sub == null || sub.kind === "<(…)" || sub.kind === ">(…)") continue;
    const value = output.replace(TRAILING_NEWLINES, "");
    const context = verbatim ? "verbatim" : (sub.context ?? "verbatim");
    out +=
      text.slice(at, open) +
      (context === "unquoted" ? splitWords(value) : context === "double-quoted" ? escape(value, DOUBLE_SPECIAL) : value);
    at = close + 1;
    open = close;
  }
  return out + text.slice(at);
}

/** The output of a substitution, when its marker is the whole word (`bash <(echo …)` runs the output as a file). */
export function outputOfMarker(word: string, outputs: ReadonlyMap<number, string>): string | undefined {
  if (!word.startsWith(SUB_OPEN) || !word.endsWith(SUB_CLOSE)) return undefined;
  const index = Number(word.slice(1, -1));
  return word === subMarker(index) ? outputs.get(index) : undefined;
}

function splitWords(value: string): string {
  return value
    .split(FIELD_SEPARATOR)
    .map((word) => escape(word, SHELL_SPECIAL))
    .join(" ");
}

function escape(value: string, special: ReadonlySet<string>): string {
  let out = "";
  for (const ch of value) out += special.has(ch) ? `\\${ch}` : ch;
  return out;
}
