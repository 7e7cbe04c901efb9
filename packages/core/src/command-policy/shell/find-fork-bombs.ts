import type { RawSegment } from "./scan-command-list.js";

/**
 * Shell fork bombs: a function whose body calls itself at least twice with a pipe or `&` between,
 * whatever it is named and however it is spaced — `:(){ :|:& };:`, `bomb() { bomb | bomb & }`,
 * `function f { f | f & }`.
 */

export interface ForkBomb {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const BLANK = /\s+/;
const LEADING_OPENERS = /^[{(\s)]+/;

export function findForkBombs(segments: readonly RawSegment[]): ForkBomb[] {
  const out: ForkBomb[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const head = segments[i];
    if (head == null) continue;
    const definition = functionHead(head);
    if (definition == null) continue;
    const body: { text: string; op: string }[] = definition.firstBody === "" ? [] : [{ text: definition.firstBody, op: head.op }];
    let end = head.end;
    for (let j = i + 1; j < segments.length; j += 1) {
      const seg = segments[j];
      if (seg == null) break;
      const text = seg.text.trim();
      end = seg.end;
      if (text === "}" || text === ")") break;
      body.push({ text, op: seg.op });
      if (text.endsWith("}")) break;
    }
    let calls = 0;
    let background = false;
    for (const part of body) {
      const words = part.text.replace(LEADING_OPENERS, "").split(BLANK);
      if (words[0] === definition.name) calls += 1;
      if (part.op === "|" || part.op === "&" || part.op === "|&") background = true;
    }
    if (calls >= 2 && background) out.push({ name: definition.name, start: head.start, end });
  }
  return out;
}

function functionHead(seg: RawSegment): { name: string; firstBody: string } | undefined {
  const text = seg.text.trim();
  if (seg.op === "(" && text !== "" && !BLANK.test(text)) return { name: text, firstBody: "" };
  if (!text.startsWith("function ")) return undefined;
  const words = text.slice("function ".length).trim().split(BLANK);
  const name = (words[0] ?? "").replace("()", "");
  const rest = words.slice(1).join(" ").replace(LEADING_OPENERS, "");
  return name === "" ? undefined : { name, firstBody: rest };
}
