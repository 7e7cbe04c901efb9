/**
 * Turns the start of a JSON text into a whole one: the prefix up to its last complete value, with
 * the containers still open closed after it. A string value cut mid-way is kept as far as it
 * arrived (`{"command":"rm -rf ~` gives `{"command":"rm -rf ~"}`): a hook whose stdin stops short
 * answers from what it has. Cut keys and cut numbers or literals are dropped. Returns undefined when
 * the text is not the start of a JSON value. Iterative and linear: the text is untrusted.
 */
export function closeTruncatedJson(text: string): string | undefined {
  const open: ("}" | "]")[] = [];
  /** Per open container: whether the next token is an object key (true) or a value (false). */
  const wantsKey: boolean[] = [];
  let safeEnd = -1;
  let safeDepth = 0;
  const markSafe = (end: number) => {
    safeEnd = end;
    safeDepth = open.length;
  };
  const closersAt = (depth: number) => open.slice(0, depth).toReversed().join("");
  let k = 0;
  while (k < text.length) {
    const ch = text[k];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t" || ch === ":") {
      k += 1;
    } else if (ch === ",") {
      wantsKey[wantsKey.length - 1] = open.at(-1) === "}";
      k += 1;
    } else if (ch === "{" || ch === "[") {
      open.push(ch === "{" ? "}" : "]");
      wantsKey.push(ch === "{");
      k += 1;
      markSafe(k);
    } else if (ch === "}" || ch === "]") {
      if (open.pop() !== ch) return undefined;
      wantsKey.pop();
      k += 1;
      markSafe(k);
    } else if (ch === '"') {
      const isKey = wantsKey.at(-1) === true;
      const end = stringEnd(text, k);
      if (end.closed) {
        if (isKey) wantsKey[wantsKey.length - 1] = false;
        k = end.at;
        if (!isKey) markSafe(k);
      } else {
        if (isKey || open.length === 0) break;
        return `${text.slice(0, end.at)}"${closersAt(open.length)}`;
      }
    } else {
      const end = tokenEnd(text, k);
      if (end === k) return undefined;
      if (end === text.length) break;
      k = end;
      markSafe(k);
    }
  }
  return safeEnd < 0 ? undefined : `${text.slice(0, safeEnd)}${closersAt(safeDepth)}`;
}

/** Where a string starting at `start` ends; when unclosed, where its last whole character ends. */
function stringEnd(text: string, start: number): { closed: boolean; at: number } {
  let lastWhole = start + 1;
  let k = start + 1;
  while (k < text.length) {
    const ch = text[k];
    if (ch === '"') return { closed: true, at: k + 1 };
    if (ch === "\\") {
      const width = text[k + 1] === "u" ? 6 : 2;
      if (k + width > text.length) break;
      k += width;
    } else {
      k += 1;
    }
    lastWhole = k;
  }
  return { closed: false, at: lastWhole };
}

const TOKEN_CHAR = /[-+.0-9a-zA-Z]/;

/** The end of a number or literal (`true`, `null`) starting at `start`. */
function tokenEnd(text: string, start: number): number {
  let k = start;
  while (k < text.length && TOKEN_CHAR.test(text[k] ?? "")) k += 1;
  return k;
}
