/**
 * Structural signs that a stretch of data speaks to the model rather than to its reader: it names
 * the assistant and addresses it, it fakes a boundary or a role turn, or it reads as a direct
 * request. None is enough alone (READMEs are full of requests, LLM code is full of role markers);
 * each strengthens what the statistical layer found in the same stretch.
 */
export type StructuralSignal = "addressed-to-agent" | "role-or-boundary" | "request" | "conceal-from-user" | "detour";

/** Every way of addressing the agent names it by one of these words; a text without any needs no more. */
const AGENT_WORD = /\b(?:ai|assistants?|agents?|llms?|claude|copilot|chatgpt|gpt|gemini|cursor|codex|devin|models?|language)\b/i;

/** A test for one signal: a regex, or a function where one regex would cost a hook process milliseconds to compile. */
type SignalTest = RegExp | { test(text: string): boolean };

const SIGNALS: ReadonlyArray<readonly [StructuralSignal, SignalTest]> = [
  ["addressed-to-agent", anyOf(addressedToAgent(), AGENT_WORD)],
  ["request", { test: hasRequest }],
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
];

export function structuralSignals(text: string): StructuralSignal[] {
  return SIGNALS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/**
 * V8 compiles a regex on its first use, in time that grows much faster than its size: one regex of
 * every alternative costs a short-lived hook tens of milliseconds, the same alternatives apart cost
 * a few. So the alternatives are kept apart and tried in turn.
 */
function anyOf(sources: readonly string[], gate: RegExp): { test(text: string): boolean } {
  let patterns: RegExp[] | undefined;
  return {
    test: (text) => {
      if (!gate.test(text)) return false;
      patterns ??= sources.map((source) => new RegExp(source, "im"));
      return patterns.some((p) => p.test(text));
    },
  };
}

// Where a request starts (a sentence, a line, a quote, or after "must"), and the words that may
// come before its verb.
const REQUEST_START =
  /(?:^|[.!?:;,]\s+|\n\s*|\\n\s*|[>"'(]\s*|\b(?:must|should|shall|need\s+to|have\s+to)\s+)(?:(?:please|kindly|immediately|now|also|then)\s+|you\s+(?:must|should|need\s+to)\s+|(?:make|be)\s+sure\s+(?:to|you)\s+)*([A-Za-z]+)(?=(?:\s+off\b)?[^.!?]{3})/gim;
const REQUEST_VERBS = new Set(
  (
    "add grant give share send forward email transfer wire pay delete remove change update reset invite make create post upload " +
    "run execute open visit click download install disable approve copy move export print reveal tell write book order buy " +
    "purchase use reply include insert append paste commit push merge publish schedule cancel set mark close label call invoke " +
    "trigger issue refund read pass cat curl fetch retrieve collect gather attach unlock disarm turn"
  ).split(" "),
);

/** Whether a sentence of the text starts with a request verb and says something after it. */
function hasRequest(text: string): boolean {
  REQUEST_START.lastIndex = 0;
  for (let m = REQUEST_START.exec(text); m != null; m = REQUEST_START.exec(text)) {
    if (REQUEST_VERBS.has((m[1] ?? "").toLowerCase())) return true;
    if (m[0].length === 0) REQUEST_START.lastIndex++;
  }
  return false;
}

/** Text that names the AI agent as the one it speaks to: a vocative, a handle, a heading for it. */
function addressedToAgent(): string[] {
  const agent =
    "(?:the\\s+|any\\s+|all\\s+|an?\\s+)?(?:(?:automated|autonomous|coding|code|ai|llm|language|helpful|dear)\\s+)?(?:ai|assistant|agent|llm|claude|copilot|chatgpt|gpt(?:-\\d[\\w.]*)?|gemini|cursor|codex|devin)s?(?:\\s+(?:coding\\s+)?(?:agent|assistant|model|tool|reader|system)s?)?";
  const reading =
    "(?:\\s+(?:reading|processing|triaging|reviewing|summari[sz]ing|working|editing|handling|parsing|using|operating|running|that\\s+reads?|who\\s+reads?)\\b[^:,\\n]{0,60})?";
  const opener = "(?:^|[.!?]\\s+|[\\n(\\[\\]\\\">']|\\\\n|\\/\\/|#|\\*|<!--|--)\\s*";
  const greeting =
    "(?:(?:to|for|attention|(?:important\\s+)?(?:note|notice|message|instructions?|warning|reminder)\\s+(?:to|for)|(?:todo|fixme|nb)\\s*(?:for|to)?|hey|hi|hello|dear|psst)\\s*[,(]?\\s*)?";
  return [
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
  ];
}
