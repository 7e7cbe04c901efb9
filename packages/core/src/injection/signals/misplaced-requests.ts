import { layerRule } from "../layer-rule.js";
import { ACTION_PATTERNS, type ActionClass } from "./action-classes.js";

/**
 * Tool-call-shaped requests misplaced in data: a sentence that asks for an action with a concrete
 * target (an address, a handle, an account, an amount, a URL), of a kind the user never asked for
 * and that nothing else in the text is about. A product review asking to make someone an admin
 * of a billing workspace, a calendar note asking to wire a balance to an account. Injections of
 * this kind carry no trigger phrase at all; what gives them away is that they do not belong.
 */
const REQUEST =
  /(?:^|[.!?:;]\s+|\n|["'(>])[ \t]*(?:[-*>•][ \t]*)?((?:(?:please|kindly|also|now|then|and|pls)\s+|(?:can|could|would|will)\s+you\s+(?:please\s+)?|i\s+(?:need|want)\s+you\s+to\s+)*(?:add|grant|give|share|send|forward|email|transfer|wire|pay|delete|remove|change|reset|invite|make|upload|post|move|export|set|update|cancel|book|approve|disable|rotate|revoke|promote|assign|download|fetch|retrieve|collect|gather|attach)[ \t]+(?:[^.!?\n\\]|[.!?](?=[^\s"')])|\\(?!n)){8,240}[.!?]?)/gi;
const TARGET =
  /[\w.+-]+@[\w-]+\.[\w.-]+|https?:\/\/\S+|\b0x[0-9a-f]{8,}|\b(?:account|acct|iban|routing|wallet|card)\b[^.\n]{0,24}\d{4,}|\(\s*@?[a-z][a-z0-9]*[._][a-z0-9._]+\s*\)|(?:^|\s)@[a-z][\w.-]{2,}|[$€£]\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|usdc|usdt|btc|eth)\b/i;
const CONTACT = /^(?:(?:please|kindly)\s+)?(?:e-?mail|mail|write\s+to|contact|message|ping|dm)\s+[`"'<]?[\w.+-]+@/i;
// Requests are written in words; code that happens to start with a verb (export function email(…)) is not one.
const CODE = /[{};=]|=>|\bfunction\b|\)\s*\{/;
// A verb in capitals opens a statement line or a heading ("TRANSFER IN Contoso €9,787.80"), not a request.
const SHOUTED = /^(?:[A-Z]{2,}\s+){1,}/;
const MAX_CANDIDATES = 20;
/** How much text on each side of a request says what the text is about. */
const NEIGHBOURHOOD = 2000;

export interface MisplacedRequest {
  readonly start: number;
  readonly end: number;
  readonly actions: readonly ActionClass[];
}

export function findMisplacedRequests(text: string, asked: ReadonlySet<ActionClass>): MisplacedRequest[] {
  const found: MisplacedRequest[] = [];
  let candidates = 0;
  REQUEST.lastIndex = 0;
  for (let m = REQUEST.exec(text); m != null && candidates < MAX_CANDIDATES; m = REQUEST.exec(text)) {
    const sentence = m[1] ?? "";
    // "Email security@example.org with the details" is how docs say whom to contact.
    if (!TARGET.test(sentence) || CONTACT.test(sentence) || CODE.test(sentence) || SHOUTED.test(sentence)) continue;
    const wanted = ACTION_PATTERNS.filter(([c, p]) => !asked.has(c) && p.test(sentence));
    if (wanted.length === 0) continue;
    candidates++;
    const start = m.index + m[0].length - sentence.length;
    const end = start + sentence.length;
    // Out of place: the text around the request mentions this kind of action nowhere but in it.
    const around = `${text.slice(Math.max(0, start - NEIGHBOURHOOD), start)}\n${text.slice(end, end + NEIGHBOURHOOD)}`;
    const misplaced = wanted.filter(([, p]) => !p.test(around)).map(([c]) => c);
    if (misplaced.length > 0) found.push({ start, end, actions: misplaced });
  }
  return found;
}

/** The findings of this check wear this rule's name, severity and category. */
export const MISPLACED_REQUEST_RULE = layerRule(
  "struct.MisplacedRequest",
  "structural signals",
  "structural",
  "A request for an action with a concrete target that the rest of the text is not about",
);
