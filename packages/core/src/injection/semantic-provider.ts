/**
 * Where a rule's `semantics:` phrases would be judged: an embedding model comparing the text
 * with each phrase. None can be downloaded here, so none ships; a provider can be passed to
 * `createInjectionScanner`. Without one, semantic variables are "not evaluated" and rules that
 * depend on them are reported as partially evaluated.
 */
export interface SemanticProvider {
  /** Shown in findings and `warden rules check`, e.g. "all-MiniLM-L6-v2". */
  readonly name: string;
  /** Similarity of `text` to each phrase, from 0 to 1, in the phrases' order. */
  similarity(text: string, phrases: readonly string[]): Promise<readonly number[]>;
}
