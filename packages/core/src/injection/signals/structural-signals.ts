/**
 * Structural signs that a stretch of data speaks to the model rather than to its reader: it names
 * the assistant and addresses it, it fakes a boundary or a role turn, or it reads as a direct
 * request. None is enough alone (READMEs are full of requests, LLM code is full of role markers);
 * each strengthens what the statistical layer found in the same stretch.
 */
export type StructuralSignal = "addressed-to-agent" | "role-or-boundary" | "request" | "conceal-from-user" | "detour";

const SIGNALS: ReadonlyArray<readonly [StructuralSignal, RegExp]> = [
  ["addressed-to-agent", addressedToAgent()],
  [
    "detour",
    /\bbefore\s+you\s+(?:can\s+)?(?:finish|complete|continue|solve|answer|proceed|summari[sz]e|start|do\s+(?:that|this|anything))\b|\b(?:something|one\s+thing)\s+you\s+(?:have|need|must)\s+to\s+(?:do|take\s+care\s+of)\s+first\b|\b(?:the|your)\s+real\s+task\s+is\b|\binstead\s+of\s+(?:summari[sz]ing|answering|translating|reviewing|fixing|doing\s+what)\b|\byou\s+will\s+not\s+be\s+able\s+to\s+(?:complete|finish|solve)\b|\b(?:stop|pause|abandon)\s+(?:what\s+you\s+are\s+doing|the\s+(?:current\s+)?task|your\s+(?:current\s+)?task)\b/i,
  ],
  [
    "conceal-from-user",
    /\b(?:do\s+not|don't|never|without)\s+(?:tell(?:ing)?|mention(?:ing)?|inform(?:ing)?|notify(?:ing)?|alert(?:ing)?|show(?:ing)?|reveal(?:ing)?|let(?:ting)?)\s+(?:\w+\s+){0,3}?(?:the\s+)?(?:user|human|developer|owner|maintainers?|reviewers?)\b|\b(?:hide|conceal|keep)\s+(?:this|it|these)\s+(?:\w+\s+)?from\s+(?:the\s+)?(?:user|human|developer)\b|\bthe\s+user\s+(?:must|should)\s+not\s+(?:know|see|be\s+told)\b/i,
  ],
  [
    "role-or-boundary",
    /(?:<\|im_(?:start|end)\|>|\[\/?(?:system|inst|sys)\]|#{2,}\s*\(?(?:system|admin|developer)[ _-]?(?:message|prompt|instruction)s?\)?|<\/(?:tool_output|tool_result|data|document|context|function_results|search_results|email|file)>|<\/?(?:information|important|system|instructions?|admin)>|^\s*(?:system|assistant|human|user)\s*:|\\"role\\"\s*:\s*\\"system|end of (?:file|document|data|context|tool output)\b)/im,
  ],
  [
    "request",
    /(?:^|[.!?:;,]\s+|\n\s*|\\n\s*|[>"'(]\s*|\b(?:must|should|shall|need\s+to|have\s+to)\s+)(?:please\s+|kindly\s+|you (?:must|should|need to)\s+|make sure (?:to|you)\s+|be sure to\s+|immediately\s+|now\s+)?(?:also\s+|then\s+)?(?:add|grant|give|share|send|forward|email|transfer|wire|pay|delete|remove|change|update|reset|invite|make|create|post|upload|run|execute|open|visit|click|download|install|disable|approve|copy|move|export|print|reveal|tell|write|book|order|buy|purchase|use|reply|include|insert|append|paste|commit|push|merge|publish|schedule|cancel|set|mark|close|label|call|invoke|trigger|issue|refund|read|pass|paste|cat|curl|download|fetch|retrieve|collect|gather|attach|unlock|disarm|turn\s+off)\b[^.!?]{3,}/im,
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
    "(?:\\s+(?:reading|processing|triaging|reviewing|summari[sz]ing|working|editing|handling|parsing|using|operating|running|that\\s+reads?|who\\s+reads?)\\b[^:,\\n]{0,60})?";
  const opener = "(?:^|[.!?]\\s+|[\\n(\\[\\]\\\">']|\\\\n|\\/\\/|#|\\*|<!--|--)\\s*";
  const greeting =
    "(?:(?:to|for|attention|(?:important\\s+)?(?:note|notice|message|instructions?|warning|reminder)\\s+(?:to|for)|(?:todo|fixme|nb)\\s*(?:for|to)?|hey|hi|hello|dear|psst)\\s*[,(]?\\s*)?";
  return new RegExp(
    [
      `${opener}${agent}${reading}\\)?\\s*[:,]`,
      // "Instructions for Claude, added to…" names the agent without speaking to it: a greeting takes a colon.
      `${opener}${greeting}${agent}${reading}\\)?\\s*:`,
      // A handle speaks to the agent when a colon follows ("@copilot @cursor: add…") or it names a directive ("@ai-instructions").
      "@(?:ai|copilot|cursor|claude|assistant|agent|llm)[\\w-]*(?:\\s+@[\\w-]+)*\\s*(?::|,|\\s+please\\b)|@(?:ai|agent|llm)-[\\w-]+",
      "\\b(?:ai|assistant|agent|llm|model)s?\\s+(?:instructions?|directives?|note|notice|action|task)s?(?:\\s+(?:required|needed|for\\s+this\\b[^:\\n]{0,40}))?\\s*:",
      "^\\s*(?:#+|\\/\\/|\\*|--)?\\s*(?:ai|agent|assistant|llm)\\s+instructions\\b",
      "\\b(?:note|message|notice)\\s+(?:for|to)\\s+(?:the\\s+)?(?:ai|assistant|agent|llm|claude|copilot|chatgpt|gemini|cursor)s?\\b",
      "\\b(?:read|used|followed)\\s+by\\s+(?:ai|llm|automated|autonomous)\\s+(?:coding\\s+)?(?:tools|agents|assistants|models)\\b",
      "\\b(?:ai|llm|coding|automated|autonomous)\\s+(?:agents?|assistants?|models?)\\s+(?:must|should|shall|need\\s+to|are\\s+(?:required|instructed)\\s+to)\\b",
      "\\b(?:every|any|all)\\s+(?:ai|llm|automated|coding)\\s+(?:agents?|assistants?)\\s+(?:operating|working|running|reading)\\b",
      "\\bif\\s+you\\s+are\\s+an?\\s+(?:ai|llm|language\\s+model|assistant|agent|bot)",
      "\\bas\\s+an?\\s+(?:ai|llm|language\\s+model|assistant|agent)\\s+(?:reading|processing|summari[sz]ing)",
      "\\b(?:to|for)\\s+(?:the\\s+|any\\s+)?(?:ai|llm|assistant|agent|model)s?\\s+(?:reading|processing|summari[sz]ing|triaging)",
    ].join("|"),
    "im",
  );
}
