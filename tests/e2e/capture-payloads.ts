/**
 * Captures the hook payloads the real Claude Code 2.1.197 client sends into tests/fixtures/payloads,
 * one JSON file per kind (`PreToolUse.Bash.json`, `PostToolUseFailure.Bash.json`, …).
 *
 *   npx tsx tests/e2e/capture-payloads.ts            rewrite the files
 *   npx tsx tests/e2e/capture-payloads.ts --check    exit 1 if a re-capture differs from them
 *
 * Two `claude -p` runs against the stand-in API, with the log hook on every event: a scripted
 * session (Bash, Read, Write, Edit, Glob, Grep, a failing Bash, a subagent making one Bash call,
 * a Write over the edited file),
 * then `--resume` with `/compact` for PreCompact and SessionStart `resume`/`compact`. Only the
 * events Warden's hooks serve are kept; the first payload of each kind wins. Machine-specific
 * values become placeholders so a re-capture writes the same files: the project dir is
 * /home/dev/app, HOME /home/dev, ids are fixed and timings are 1000 ms.
 * tests/build/payload-builders.test.ts checks tests/support/payloads.ts against these files.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createTempWorld,
  logEveryHook,
  readHookLog,
  runClaude,
  scriptByStep,
  startStandIn,
  writeProjectSettings,
  type HookRecord,
  type TempWorld,
} from "./support/index.js";
import { isRecord, type JsonRecord } from "./support/json-guards.js";

const PAYLOADS_DIR = fileURLToPath(new URL("../fixtures/payloads/", import.meta.url));

/** The events Warden's hooks are wired to (README "Which hook serves which event"). */
const CAPTURED_EVENTS = new Set([
  "SessionStart",
  "UserPromptSubmit",
  "PreToolUse",
  "PostToolUse",
  "PostToolUseFailure",
  "SubagentStop",
  "Stop",
  "PreCompact",
  "SessionEnd",
]);

const TOOLS = ["Bash", "Read", "Write", "Edit", "Glob", "Grep", "Agent"] as const;

/** Every kind the scripted session must produce; a missing one fails the capture. */
const EXPECTED_KINDS = [
  "SessionStart.startup",
  "SessionStart.resume",
  "SessionStart.compact",
  "UserPromptSubmit",
  ...TOOLS.flatMap((tool) => [`PreToolUse.${tool}`, `PostToolUse.${tool}`]),
  "PostToolUse.Write.update",
  "PostToolUseFailure.Bash",
  "PreToolUse.Bash.subagent",
  "PostToolUse.Bash.subagent",
  "SubagentStop",
  "Stop",
  "PreCompact",
  "SessionEnd",
].toSorted();

const PLACEHOLDER = {
  home: "/home/dev",
  projectDir: "/home/dev/app",
  sessionId: "ddc1f0b6-7a2e-4c1b-9a51-0f3c2d1e4b5a",
  /** One per prompt, in order: the scripted prompt, then `/compact`. */
  promptIds: ["255b3d84-1b0e-4c57-9d43-5d3b8f1a2c77", "7e0c4a19-3b2d-4f6e-8a5c-1d9b0e2f3a46"],
  agentId: (n: number) => `a${String(n).padStart(16, "0")}`,
  durationMs: 1000,
  timestamp: "2026-01-01T00:00:00.000Z",
} as const;

const TIMING_KEYS = new Set(["duration_ms", "durationMs", "totalDurationMs"]);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/** `toolu_01` and 22 characters, like the API's ids, fixed so a re-capture gives the same files. */
const toolUseId = (n: number, tool: string): string => `toolu_01${`Captured${tool}`.padEnd(20, "0")}${String(n).padStart(2, "0")}`;

async function captureHookLog(world: TempWorld): Promise<HookRecord[]> {
  const project = world.projectDir;
  const log = world.file("hooks.jsonl");
  fs.writeFileSync(path.join(project, "notes.md"), "# Notes\nnothing to see\n");
  writeProjectSettings(project, logEveryHook(log));
  // Inputs carry only what the model must send (plus Bash's description, which it always sends),
  // so the fixtures show what the client adds on its own (e.g. Edit's replace_all).
  const standIn = await startStandIn(
    scriptByStep({
      main: [
        {
          text: "First a command.",
          toolUses: [{ id: toolUseId(1, "Bash"), name: "Bash", input: { command: "echo hello-from-bash", description: "Say hello" } }],
        },
        { toolUses: [{ id: toolUseId(2, "Read"), name: "Read", input: { file_path: path.join(project, "notes.md") } }] },
        {
          toolUses: [
            { id: toolUseId(3, "Write"), name: "Write", input: { file_path: path.join(project, "todo.md"), content: "- ship it\n" } },
          ],
        },
        {
          toolUses: [
            {
              id: toolUseId(4, "Edit"),
              name: "Edit",
              input: { file_path: path.join(project, "notes.md"), old_string: "nothing to see", new_string: "something to see" },
            },
          ],
        },
        { toolUses: [{ id: toolUseId(5, "Glob"), name: "Glob", input: { pattern: "*.md" } }] },
        { toolUses: [{ id: toolUseId(6, "Grep"), name: "Grep", input: { pattern: "ship" } }] },
        { toolUses: [{ id: toolUseId(7, "Bash"), name: "Bash", input: { command: "exit 3", description: "Fail on purpose" } }] },
        {
          toolUses: [
            {
              id: toolUseId(8, "Agent"),
              name: "Agent",
              input: { description: "Probe the shell", prompt: "Run one command.", subagent_type: "general-purpose" },
            },
          ],
        },
        // Last, so the ids and usage numbers captured before it was added stay the same.
        {
          toolUses: [
            {
              id: toolUseId(10, "Write"),
              name: "Write",
              input: { file_path: path.join(project, "notes.md"), content: "# Notes\nsomething to see\nand more\n" },
            },
          ],
        },
        { text: "All done." },
      ],
      subagent: [
        { toolUses: [{ id: toolUseId(9, "Bash"), name: "Bash", input: { command: "echo from-subagent", description: "Say hello" } }] },
        { text: "Subagent done." },
      ],
    }),
  );
  try {
    const options = { projectDir: project, home: world.home, standInUrl: standIn.url };
    const first = await runClaude({ ...options, prompt: "Do the scripted thing." });
    standIn.setScript(scriptByStep({}));
    const compacted = await runClaude({ ...options, prompt: "/compact", extraArgs: ["--resume", first.result.session_id] });
    const problems = [
      ...(first.exitCode === 0 && first.result.result === "All done."
        ? []
        : [`the scripted run ended with exit ${first.exitCode}: ${first.result.result}`]),
      ...(compacted.exitCode === 0 ? [] : [`the /compact run ended with exit ${compacted.exitCode}`]),
      ...standIn.scriptErrors.map((error) => `stand-in script error: ${error.message}`),
    ];
    if (problems.length > 0) throw new Error(`capture failed: ${problems.join("; ")}`);
  } finally {
    await standIn.close();
  }
  return readHookLog(log);
}

/**
 * `PreToolUse.Bash`, `PreToolUse.Bash.subagent`, `PostToolUse.Write.update` (a Write over an
 * existing file), `SessionStart.resume`, `Stop`, …; undefined for events not captured.
 */
function kindOf(hook: HookRecord): string | undefined {
  if (!CAPTURED_EVENTS.has(hook.event)) return undefined;
  if (hook.event === "SessionStart") return `SessionStart.${String(hook.payload["source"])}`;
  const response = hook.payload["tool_response"];
  if (hook.event === "PostToolUse" && hook.toolName === "Write" && isRecord(response) && response["type"] === "update") {
    return "PostToolUse.Write.update";
  }
  if (hook.toolName == null) return hook.event;
  return hook.agentId == null ? `${hook.event}.${hook.toolName}` : `${hook.event}.${hook.toolName}.subagent`;
}

const distinct = (values: readonly (string | undefined)[]): string[] => [...new Set(values.filter((value) => value != null))];

/** Claude Code names a project's transcript folder after its cwd, every non-alphanumeric character a `-`. */
const slug = (dir: string): string => dir.replace(/[^a-zA-Z0-9]/g, "-");

/** Every id, path and timing that differs between machines or runs, replaced by its placeholder. */
function normaliser(world: TempWorld, hooks: readonly HookRecord[]): (payload: JsonRecord) => JsonRecord {
  const sessionIds = distinct(hooks.map((hook) => hook.sessionId));
  const promptIds = distinct(hooks.map((hook) => (typeof hook.payload["prompt_id"] === "string" ? hook.payload["prompt_id"] : undefined)));
  const agentIds = distinct(hooks.map((hook) => hook.agentId));
  if (sessionIds.length !== 1 || promptIds.length !== PLACEHOLDER.promptIds.length) {
    throw new Error(
      `expected 1 session and ${PLACEHOLDER.promptIds.length} prompts, got sessions ${sessionIds.join(", ")} and prompts ${promptIds.join(", ")}`,
    );
  }
  const replacements: [string, string][] = [
    [slug(world.projectDir), slug(PLACEHOLDER.projectDir)],
    [world.projectDir, PLACEHOLDER.projectDir],
    [world.home, PLACEHOLDER.home],
    [sessionIds[0] ?? "", PLACEHOLDER.sessionId],
    ...promptIds.map((id, i): [string, string] => [id, PLACEHOLDER.promptIds[i] ?? ""]),
    ...agentIds.map((id, i): [string, string] => [id, PLACEHOLDER.agentId(i + 1)]),
  ];
  const known = new Set<string>([PLACEHOLDER.sessionId, ...PLACEHOLDER.promptIds]);
  const text = (value: string): string => {
    const replaced = replacements.reduce((acc, [from, to]) => acc.replaceAll(from, to), value).replace(ISO_TIME, PLACEHOLDER.timestamp);
    const stray = [...replaced.matchAll(UUID)].map((match) => match[0]).filter((id) => !known.has(id));
    if (stray.length > 0 || replaced.includes(world.root)) throw new Error(`a machine-specific value survived normalisation: ${replaced}`);
    return replaced;
  };
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === "string") return text(value);
    if (typeof value === "number" && key != null && TIMING_KEYS.has(key)) return PLACEHOLDER.durationMs;
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), walk(v, k)]));
    return value;
  };
  return (payload) => {
    // logged_at is the log hook's own field, not Claude Code's.
    const normalised = walk(Object.fromEntries(Object.entries(payload).filter(([key]) => key !== "logged_at")));
    if (!isRecord(normalised)) throw new Error("a payload stopped being an object");
    return normalised;
  };
}

/** The file contents by name (`PreToolUse.Bash.json`), first payload of each kind. */
async function capturePayloadFiles(): Promise<Map<string, string>> {
  const world = createTempWorld("warden-capture-");
  try {
    const hooks = await captureHookLog(world);
    const normalise = normaliser(world, hooks);
    const byKind = new Map<string, JsonRecord>();
    for (const hook of hooks) {
      const kind = kindOf(hook);
      if (kind != null && !byKind.has(kind)) byKind.set(kind, normalise(hook.payload));
    }
    const missing = EXPECTED_KINDS.filter((kind) => !byKind.has(kind));
    const unexpected = [...byKind.keys()].filter((kind) => !EXPECTED_KINDS.includes(kind));
    if (missing.length > 0 || unexpected.length > 0) {
      throw new Error(
        `captured kinds differ from the expected ones: missing ${missing.join(", ") || "none"}; unexpected ${unexpected.join(", ") || "none"}`,
      );
    }
    return new Map(EXPECTED_KINDS.map((kind) => [`${kind}.json`, `${JSON.stringify(byKind.get(kind), null, 2)}\n`]));
  } finally {
    world.cleanup();
  }
}

function readCommitted(): Map<string, string> {
  if (!fs.existsSync(PAYLOADS_DIR)) return new Map();
  const names = fs.readdirSync(PAYLOADS_DIR).filter((name) => name.endsWith(".json"));
  return new Map(names.map((name) => [name, fs.readFileSync(path.join(PAYLOADS_DIR, name), "utf8")]));
}

async function main(args: readonly string[]): Promise<void> {
  const files = await capturePayloadFiles();
  const committed = readCommitted();
  const names = [...new Set([...files.keys(), ...committed.keys()])].toSorted();
  const changed = names.filter((name) => files.get(name) !== committed.get(name));
  if (args.includes("--check")) {
    console.log(
      changed.length === 0
        ? `tests/fixtures/payloads: all ${files.size} files current`
        : `tests/fixtures/payloads differs: ${changed.join(", ")}`,
    );
    process.exitCode = changed.length === 0 ? 0 : 1;
    return;
  }
  fs.mkdirSync(PAYLOADS_DIR, { recursive: true });
  for (const name of changed) {
    const content = files.get(name);
    if (content == null) fs.rmSync(path.join(PAYLOADS_DIR, name));
    else fs.writeFileSync(path.join(PAYLOADS_DIR, name), content);
  }
  console.log(
    `tests/fixtures/payloads: ${files.size} kinds captured, ${changed.length} files changed${changed.length > 0 ? `: ${changed.join(", ")}` : ""}`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
