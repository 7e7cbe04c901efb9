import { numberField, recordsOf, stringField, type JsonRecord } from "./json-guards.js";
import { lastUserMessage, textOf, type ModelRequest } from "./model-request.js";

/** Readers for the injection scanner's traces: `findings` on Warden records, notes in requests. */

/** One entry of a record's `findings`, with Warden's own key names; absent fields are undefined. */
export interface FindingView {
  readonly rule: string | undefined;
  readonly severity: string | undefined;
  readonly category: string | undefined;
  readonly excerpt: string | undefined;
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly form: string | undefined;
  readonly source: string | undefined;
}

/** The `findings` of an event or prompt record, in record order; empty when absent. */
export function findingsOf(record: JsonRecord | undefined): FindingView[] {
  return recordsOf(record?.["findings"]).map((finding) => ({
    rule: stringField(finding, "rule"),
    severity: stringField(finding, "severity"),
    category: stringField(finding, "category"),
    excerpt: stringField(finding, "excerpt"),
    start: numberField(finding, "start"),
    end: numberField(finding, "end"),
    form: stringField(finding, "form"),
    source: stringField(finding, "source"),
  }));
}

/**
 * The content blocks of a request's last user message as `[type, id-or-text]` pairs: a
 * tool_result's `tool_use_id`, a text block's text. Shows what follows which result.
 */
export function lastUserBlocks(request: ModelRequest | undefined): Array<[string, string]> {
  const message = request == null ? undefined : lastUserMessage(request);
  return recordsOf(message?.["content"]).map((block) => {
    const type = stringField(block, "type") ?? "";
    return [type, type === "tool_result" ? (stringField(block, "tool_use_id") ?? "") : textOf(block)];
  });
}
