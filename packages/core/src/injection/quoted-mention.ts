/**
 * Whether a match is a mention rather than a use: an attack phrase quoted as an example ("users
 * will type things like \"ignore all previous instructions\""), spoken by a character in fiction,
 * listed as test data, or described as what an attack asks for ("a request to ignore its previous
 * instructions"). Security docs, threat models, detector tests and novels are full of these, and
 * a warning on each teaches the model to ignore the guard. An injection gains nothing from being
 * quoted: the model reads a quoted order as someone else's words.
 */
const CUE_BEFORE =
  /\b(?:like|e\.g\.|such\s+as|for\s+(?:example|instance)|says?|said|asks?|asked|types?|typed|wrote|writes|phrases?|strings?|samples?|payloads?|examples?|attacks?|quoted|classic|known|prepends?|appends?|contains?|includes?)\b[^\n]{0,80}$/i;
const CUE_AFTER =
  /^[^\n]{0,3}\s*(?:,\s*)?(?:she|he|they|I|we|the\s+\w+|\w+)\s+(?:asked|said|says|asks|replied|whispered|shouted|typed|wrote)\b/i;
const ABOUT_ATTACKS =
  /\b(?:prompt[- ]injection|injection[- ](?:resistance|attacks?|tests?|suites?|payloads?|defen[cs]es?|attempts?)|jailbreak|adversarial|red[- ]team|owasp|attacker|malicious|injected|detector|exfiltrat\w*|threat\s+model|phishing)/i;
const DESCRIBED =
  /\b(?:requests?|attempts?|asks?|asking|tries|trying|tricks?|tricked|tricking|designed|meant|intended|manipulated?|coax(?:ed|es)?|convince[sd]?|persuade[sd]?|told|tells|telling)\s+(?:[\w'-]+\s+){0,3}to\s+[^.!?\n]{0,80}$/i;
const CONTEXT = 400;
const HEAD = 1500;

/** Whether the text around a stretch writes about attacks (a threat model, an advisory, a detector's tests). */
export function isAboutAttacks(text: string, start: number, end: number): boolean {
  // The title and opening of a write-up say what it is about; the lines around a stretch say the rest.
  return (
    ABOUT_ATTACKS.test(text.slice(Math.max(0, start - CONTEXT), end + CONTEXT)) || ABOUT_ATTACKS.test(text.slice(0, Math.min(start, HEAD)))
  );
}

export function isQuotedMention(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const before = text.slice(lineStart, start);
  const sentence =
    before
      .slice(-120)
      .split(/[.!?]\s/)
      .pop() ?? "";
  if (DESCRIBED.test(` ${sentence}`) && !/\byou\s+to\b/i.test(sentence)) return true;
  const wide = text.slice(Math.max(0, start - CONTEXT), start);
  const about = isAboutAttacks(text, start, end);
  if (/^\s*>/.test(before)) return about || CUE_BEFORE.test(wide);
  // An example in a code block or an indented data block of a text about attacks.
  if (about && (/^(?: {4}|\t)/.test(before) || insideFence(text, lineStart))) return true;
  const open = openQuote(before);
  if (open < 0) return false;
  // A quotation may run on to the next lines of its paragraph, not past it.
  const paragraphEnd = text.indexOf("\n\n", end);
  const after = text.slice(end, Math.min(paragraphEnd < 0 ? text.length : paragraphEnd, end + CONTEXT));
  const close = closingQuote(after, before[open] ?? '"');
  if (close < 0) return false;
  // The cue may stand before the quote or, in a string holding a quotation, inside it ("… (for example 'ignore …')").
  return (
    about ||
    CUE_BEFORE.test(wide.slice(0, wide.length - (before.length - open))) ||
    CUE_BEFORE.test(before.slice(open + 1)) ||
    CUE_AFTER.test(after.slice(close + 1))
  );
}

const CLOSE_OF: Readonly<Record<string, string>> = { '"': '"', "“": "”", "`": "`", "'": "'", "‘": "’" };

/** The offset of the quote that is still open at the end of `before`, or -1. */
function openQuote(before: string): number {
  let open = -1;
  let closer = "";
  for (let i = 0; i < before.length; i++) {
    const c = before[i] ?? "";
    if (open >= 0) {
      if (c === closer && before[i - 1] !== "\\") open = -1;
      continue;
    }
    // An apostrophe inside a word (don't, it's) opens nothing.
    if (c === "'" && /\w/.test(before[i - 1] ?? "")) continue;
    const close = CLOSE_OF[c];
    if (close != null) {
      open = i;
      closer = close;
    }
  }
  return open;
}

function closingQuote(after: string, opener: string): number {
  const closer = CLOSE_OF[opener] ?? '"';
  for (let i = 0; i < after.length; i++) if (after[i] === closer && after[i - 1] !== "\\") return i;
  return -1;
}

/** Whether a line lies inside a fenced code block (an odd number of ``` fences before it). */
function insideFence(text: string, lineStart: number): boolean {
  let fences = 0;
  for (let at = text.indexOf("```"); at >= 0 && at < lineStart; at = text.indexOf("```", at + 3)) fences++;
  return fences % 2 === 1;
}
