/**
 * How much session text the HTML report may carry. Each value shows at most `perField` characters;
 * once `total` characters have been spent, later values show only `overBudgetField`, so a session
 * with thousands of large outputs still opens quickly. The report's JSON keeps every value.
 */
export interface ShownText {
  readonly shown: string;
  /** Characters left out; 0 when the whole text is shown. */
  readonly omitted: number;
}

export interface TextBudgetLimits {
  readonly perField: number;
  readonly total: number;
  readonly overBudgetField: number;
}

export const DEFAULT_TEXT_LIMITS: TextBudgetLimits = { perField: 6000, total: 8_000_000, overBudgetField: 500 };

export class TextBudget {
  #spent = 0;
  readonly #limits: TextBudgetLimits;

  constructor(limits: TextBudgetLimits = DEFAULT_TEXT_LIMITS) {
    this.#limits = limits;
  }

  take(text: string): ShownText {
    const limit = this.#spent < this.#limits.total ? this.#limits.perField : this.#limits.overBudgetField;
    if (text.length <= limit) {
      this.#spent += text.length;
      return { shown: text, omitted: 0 };
    }
    // Never split a surrogate pair.
    const code = text.charCodeAt(limit - 1);
    const cut = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
    this.#spent += cut;
    return { shown: text.slice(0, cut), omitted: text.length - cut };
  }
}
