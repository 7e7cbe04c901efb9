import fs from "node:fs";
import { layerRule } from "../layer-rule.js";
import { isAboutAttacks } from "../quoted-mention.js";
import { type ActionClass, unaskedActions } from "../signals/action-classes.js";
import { structuralSignals } from "../signals/structural-signals.js";
import { decodeModel, type LinearModel, scoreText } from "./linear-model.js";

/**
 * The statistical layer: a linear model trained on injections and on hard benign text scores each
 * stretch of a text; a stretch is flagged when the score is very high and the stretch says
 * something to someone, or from lower scores when something else supports it: it speaks to the
 * agent, fakes a boundary, tries to turn the agent from its task or keep something from the user,
 * or asks for a kind of action the user never asked for. The model gives recall, the supports
 * keep the precision of rules.
 */
export interface StatisticalLayer {
  readonly model: LinearModel;
  /** A stretch at or above these log-odds is flagged on its wording alone. */
  readonly aloneAt: number;
  /** From these log-odds a stretch is flagged when a structural signal or an unasked action supports it. */
  readonly supportedAt: number;
  /** From these (lower) log-odds a stretch is flagged when it addresses the agent or fakes a boundary and makes a request. */
  readonly addressedAt: number;
}

export const DEFAULT_ALONE_AT = 6;
export const DEFAULT_SUPPORTED_AT = 2;
export const DEFAULT_ADDRESSED_AT = -3;
const UNASKED_MARGIN = 3;
const SIGNAL_LOOKBACK = 200;
const MAX_STRETCHES = 8;
/** Writing about attacks (advisories, threat models, detector tests) quotes them: there the score has to be this much higher. */
const ABOUT_ATTACKS_MARGIN = 3;

/**
 * The model trained by training/train-injection-model.mjs. It sits beside the module that reads it
 * (the build copies it into dist/ and next to each bundled hook), so a hook that never scans text
 * never reads it; read on first use (256 KiB, well under a millisecond) and kept for the process.
 */
export const MODEL_FILE = "injection-model.bin";
let shipped: LinearModel | undefined;

export function shippedModel(): LinearModel {
  shipped ??= decodeModel(fs.readFileSync(new URL(`./${MODEL_FILE}`, import.meta.url)));
  return shipped;
}

export function defaultStatisticalLayer(): StatisticalLayer {
  return { model: shippedModel(), aloneAt: DEFAULT_ALONE_AT, supportedAt: DEFAULT_SUPPORTED_AT, addressedAt: DEFAULT_ADDRESSED_AT };
}

export interface InstructionStretch {
  readonly start: number;
  readonly end: number;
  readonly logit: number;
  /** Why it was flagged, in words the model and a reviewer can read. */
  readonly reasons: readonly string[];
}

/**
 * Stretches of `text` that read as instructions to the agent. `asked` holds the kinds of action
 * the user's own prompts mention; unknown (no prompt seen) counts as none asked.
 */
export function findInstructionStretches(
  layer: StatisticalLayer,
  text: string,
  asked: ReadonlySet<ActionClass> = new Set(),
): InstructionStretch[] {
  const found: InstructionStretch[] = [];
  for (const s of scoreText(layer.model, text, Math.min(layer.supportedAt, layer.aloneAt, layer.addressedAt), MAX_STRETCHES)) {
    const stretch = text.slice(s.start, s.end);
    // Who a request speaks to is often said a line or two before it ("To the AI agent triaging this:").
    const signals = structuralSignals(text.slice(Math.max(0, s.start - SIGNAL_LOOKBACK), s.end));
    const reasons = [`reads like an instruction to the agent (model log-odds ${s.logit.toFixed(1)})`];
    const addressed = signals.includes("addressed-to-agent");
    const boundary = signals.includes("role-or-boundary");
    const request = signals.includes("request");
    if (addressed) reasons.push("it addresses the AI agent");
    if (boundary) reasons.push("it fakes a role turn or the end of the data");
    const steers = signals.includes("conceal-from-user") || signals.includes("detour");
    if (signals.includes("conceal-from-user")) reasons.push("it asks to keep something from the user");
    if (signals.includes("detour")) reasons.push("it tries to turn the agent away from its task");
    // Only a request can ask for an action: the seven action patterns run for those alone.
    const unasked = request ? unaskedActions(stretch, asked) : [];
    const unaskedRequest = unasked.length > 0;
    if (unaskedRequest) reasons.push(`it asks for ${unasked.join(", ")} actions the user did not ask for`);
    // Writing about attacks quotes them: there only a higher score alone counts. Even a very high
    // score needs the stretch to say something to someone: code and tables full of words the
    // model has seen in attacks do not.
    const about = isAboutAttacks(text, s.start, s.end);
    const speaksToAgent = addressed || boundary || steers;
    const flagged =
      (s.logit >= layer.aloneAt + (about ? ABOUT_ATTACKS_MARGIN : 0) && (speaksToAgent || request)) ||
      (!about &&
        ((speaksToAgent && request && s.logit >= layer.addressedAt) ||
          (speaksToAgent && s.logit >= layer.supportedAt) ||
          // Docs are full of requests; one for an action the user never asked for needs a higher score.
          (unaskedRequest && s.logit >= layer.supportedAt + UNASKED_MARGIN)));
    if (flagged) found.push({ start: s.start, end: s.end, logit: s.logit, reasons });
  }
  return found;
}

/** The statistical layer's findings wear this rule's name, severity and category. */
export const STATISTICAL_RULE = layerRule(
  "stat.InstructionInData",
  "statistical model",
  "statistical",
  "Text in the data that reads as an instruction to the AI agent (statistical model)",
);
