import { DYNAMIC, SUB_CLOSE, SUB_OPEN } from "./markers.js";

/** A word for people: the analysis markers turned back into `${NAME}` and `$(…)`. */
export function displayWord(word: string): string {
  let out = word.includes(DYNAMIC) ? word.split(`${DYNAMIC}{`).join("${") : word;
  for (let at = out.indexOf(SUB_OPEN); at >= 0; at = out.indexOf(SUB_OPEN)) {
    const close = out.indexOf(SUB_CLOSE, at);
    out = `${out.slice(0, at)}$(…)${close < 0 ? "" : out.slice(close + 1)}`;
  }
  return out;
}
