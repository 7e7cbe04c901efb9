/**
 * Structural signs that a stretch of data speaks to the model rather than to its reader: it names
 * the assistant and addresses it, it fakes a boundary or a role turn, or it reads as a direct
 * request. None is enough alone (READMEs are full of requests, LLM code is full of role markers);
 * each strengthens what the statistical layer found in the same stretch.
 */
export type StructuralSignal = "addressed-to-agent" | "role-or-boundary" | "request";

const SIGNALS: ReadonlyArray<readonly [StructuralSignal, RegExp]> = [
  ["addressed-to-agent", addressedToAgent()],
  [
    "role-or-boundary",
    /(?:<\|im_(?:start|end)\|>|\[\/?(?:system|inst|sys)\]|#{2,}\s*\(?(?:system|admin|developer)[ _-]?(?:message|prompt|instruction)s?\)?|<\/(?:tool_output|tool_result|data|document|context|function_results|search_results|email|file)>|<\/?(?:information|important|system|instructions?|admin)>|^\s*(?:system|assistant|human|user)\s*:|"role"\s*:\s*"system"|end of (?:file|document|data|context|tool output)\b)/im,
  ],
  [
    "request",
    /(?:^|[.!?:;,]\s+|\n\s*|[>"'(]\s*)(?:please\s+|kindly\s+|you (?:must|should|need to)\s+|make sure (?:to|you)\s+|be sure to\s+|immediately\s+|now\s+)?(?:also\s+|then\s+)?(?:add|grant|give|share|send|forward|email|transfer|wire|pay|delete|remove|change|update|reset|invite|make|create|post|upload|run|execute|open|visit|click|download|install|disable|approve|copy|move|export|print|reveal|tell|write|book|order|buy|purchase|use|reply|include|insert|append|paste|commit|push|merge|publish|schedule|cancel|set|mark|close|label)\b[^.!?\n]{3,}/im,
  ],
];

export function structuralSignals(text: string): StructuralSignal[] {
  return SIGNALS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** Text that names the AI agent as the one it speaks to: a vocative, a handle, a heading for it. */
function addressedToAgent(): RegExp {
  const agent =
    "(?:the\\s+|any\\s+|all\\s+|an?\\s+)?(?:(?:automated|autonomous|coding|code|ai|llm|language|helpful|dear)\\s+)?(?:ai|assistant|agent|llm|claude|copilot|chatgpt|gpt(?:-\\d[\\w.]*)?|gemini|cursor|codex|devin)s?(?:\\s+(?:coding\\s+)?(?:agent|assistant|model|tool|reader|system)s?)?";
  const reading =
    "(?:\\s+(?:reading|processing|triaging|reviewing|summari[sz]ing|working\\s+on|editing|handling|parsing|that\\s+reads?|who\\s+reads?)\\b[^:,\\n]{0,60})?";
  const opener = "(?:^|[.!?]\\s+|[\\n(\\[\\\">']|\\/\\/|#|\\*|<!--|--)\\s*";
  const greeting =
    "(?:(?:to|for|attention|note\\s+(?:to|for)|message\\s+(?:to|for)|instructions?\\s+(?:to|for)|hey|hi|hello|dear|psst)\\s*,?\\s+)?";
  return new RegExp(
    [
      `${opener}${greeting}${agent}${reading}\\s*[:,]`,
      "@(?:ai|copilot|cursor|claude|assistant|agent|llm)[\\w-]*\\b",
      "\\b(?:ai|assistant|agent|llm|model)\\s+(?:instructions?|directives?|note|notice)\\s*:",
      "\\bif\\s+you\\s+are\\s+an?\\s+(?:ai|llm|language\\s+model|assistant|agent|bot)",
      "\\bas\\s+an?\\s+(?:ai|llm|language\\s+model|assistant|agent)\\s+(?:reading|processing|summari[sz]ing)",
      "\\b(?:to|for)\\s+(?:the\\s+|any\\s+)?(?:ai|llm|assistant|agent|model)s?\\s+(?:reading|processing|summari[sz]ing|triaging)",
    ].join("|"),
    "im",
  );
}
