import { runLayers, literalOutput, type CommandFields, type Frame, type LayerHost, type Place } from "./command-layers.js";
import type { CommandAnalysis, CommandContext, ExecSource, Redirect, SimpleCommand } from "../command-types.js";
import { commandOutput } from "./command-output.js";
import { describeFetch, looksLikeUrl } from "./describe-fetch.js";
import { expandSubstitutions, outputOfMarker } from "./expand-substitutions.js";
import { SHELLS, interpreterSource, languageOf, shellSource, suSource, type CodeSource } from "./exec-source.js";
import { findForkBombs } from "./find-fork-bombs.js";
import { scanCommandList, type RawSegment } from "./scan-command-list.js";
import { MAX_VALUE, READERS, forgetReadVariables, initialVariables, setLoopVariable, setVariable } from "./shell-variables.js";
import type { Substitution } from "./substitution.js";
import { SUB_CLOSE, SUB_OPEN } from "./markers.js";
import { isDynamic, resolveWord } from "./resolve-word.js";
import { makeLookup, tokenizeSegment } from "./tokenize-segment.js";
import { baseName, unwrapCommand } from "./unwrap-command.js";
import { REMOTE_HOME } from "./remote-side.js";
import { STDOUT_WRITES } from "./redirect-ops.js";

/**
 * Parses a command line into every simple command it runs, at every layer: the top level, `sh -c`
 * strings, `eval`, substitutions, `xargs`, `find -exec`, `parallel`, interpreter one-liners.
 * Words are expanded as far as bash would expand them without running anything: variables set
 * earlier in the line, loop lists, and the output of substitutions that only print known text
 * (`$(echo rm)`, `$(pwd)`, `$(dirname $PWD)`). Pure: no file is read and nothing runs.
 */

const MAX_DEPTH = 16;
const MAX_LENGTH = 100_000;
/** Commands analysed at most: nested `find -exec`, `xargs` and loops multiply, and the work must stay bounded. */
const MAX_COMMANDS = 10_000;
const HEADERS = new Set(["for", "select", "case"]);

export function analyzeCommand(command: string, ctx: CommandContext): CommandAnalysis {
  const analyzer = new Analyzer(ctx);
  if (command.length > MAX_LENGTH) {
    return {
      command,
      commands: [],
      errors: [],
      limits: [`the command is ${command.length} characters long; only ${MAX_LENGTH} are analysed`],
    };
  }
  analyzer.analyseList(command, { cwd: ctx.cwd, vars: initialVariables(ctx), layers: [], span: { start: 0, end: command.length } }, []);
  return { command, commands: analyzer.commands, errors: analyzer.errors, limits: analyzer.limits };
}

class Analyzer implements LayerHost {
  readonly commands: SimpleCommand[] = [];
  readonly errors: string[] = [];
  readonly limits: string[] = [];
  private readonly subs: Substitution[] = [];
  private readonly subFetches = new Map<number, boolean>();
  /** What each substitution prints, when only known text (see commandOutput). */
  private readonly subOutputs = new Map<number, string>();
  private readonly downloads = new Set<string>();
  /** Scripts written by this command line (`echo … > x.sh`, `cat > x.sh <<EOF`), by absolute path. */
  private readonly written = new Map<string, string>();
  private pipelines = 0;
  private readonly members = new Map<number, SimpleCommand[]>();

  constructor(readonly ctx: CommandContext) {}

  analyseList(source: string, parent: Frame, layers: readonly string[], params?: ReadonlyMap<string, string>): void {
    const top = layers.length === 0;
    const frame: Frame = top
      ? parent
      : {
          cwd: parent.cwd,
          vars: new Map([...parent.vars, ...(params ?? [])]),
          layers,
          span: parent.span,
          ...(parent.remote == null ? {} : { remote: parent.remote }),
          ...(parent.container == null ? {} : { container: parent.container }),
          ...(parent.stdin == null ? {} : { stdin: parent.stdin }),
        };
    if (layers.length > MAX_DEPTH) {
      this.tooDeep(layers);
      return;
    }
    if (this.overBudget()) return;
    const firstSub = this.subs.length;
    const scan = scanCommandList(source, this.subs);
    const lastSub = this.subs.length;
    if (scan.error != null) {
      const where = top ? "" : ` in ${layers.join(" › ")}`;
      this.errors.push(`${scan.error.message} at offset ${scan.error.offset}${where}`);
    }
    let pipeline = -1;
    let stage = 0;
    scan.segments.forEach((seg, k) => {
      const previous = scan.segments[k - 1]?.op;
      if (previous === "|" || previous === "|&") stage += 1;
      else [pipeline, stage] = [this.pipelines++, 0];
      if (top) frame.span = { start: seg.start, end: seg.end };
      this.analyseSubsIn(seg, frame);
      const heredocs = seg.heredocs.map((doc) => expandSubstitutions(doc, this.subs, this.subOutputs, true));
      const place: Place = { pipeline, stage, excerpt: source.slice(seg.start, seg.end), heredocs };
      frame.vars.set("PWD", frame.cwd);
      try {
        for (const group of tokenizeSegment(expandSubstitutions(seg.text, this.subs, this.subOutputs), makeLookup(frame.vars)))
          this.processWords(group.words, group.redirects, frame, place, layers);
      } catch (error) {
        this.errors.push(`cannot tokenise '${place.excerpt}': ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    for (let k = firstSub; k < lastSub; k += 1) if (!this.subFetches.has(k)) this.analyseSub(k, frame);
    for (const bomb of findForkBombs(scan.segments)) {
      const place: Place = { pipeline: this.pipelines++, stage: 0, excerpt: source.slice(bomb.start, bomb.end), heredocs: [] };
      this.emit({ name: bomb.name, argv: [bomb.name], forkBomb: true }, frame, place, layers);
    }
  }

  processWords(words: readonly string[], redirects: readonly Redirect[], frame: Frame, place: Place, layers: readonly string[]): void {
    if (HEADERS.has(words[0] ?? "")) return setLoopVariable(frame, words);
    if (layers.length > MAX_DEPTH) {
      this.tooDeep(layers);
      return;
    }
    if (this.overBudget()) return;
    const unwrapped = unwrapCommand(words[0] === "function" ? words.slice(2) : words);
    if (unwrapped.lookupOnly) return;
    const { argv, wrappers, assignments } = unwrapped;
    if (argv.length === 0) {
      if (wrappers.length === 0) for (const assignment of assignments) setVariable(frame, assignment);
      if (assignments.length > 0 || redirects.length > 0) this.emit({ name: "", argv: [], assignments, redirects }, frame, place, layers);
      return;
    }
    const name = baseName(argv[0] ?? "");
    const args = argv.slice(1);
    const home = frame.remote == null ? this.ctx.home : REMOTE_HOME;
    const cwd = unwrapped.chdir == null ? frame.cwd : (resolveWord(unwrapped.chdir, frame.cwd, home) ?? frame.cwd);
    const { stdinText, stdinFile } = this.stdinOf(redirects, frame, place, cwd);
    const exec = this.execFor(argv[0] ?? "", name, args, redirects, stdinText, place, cwd);
    const fields: CommandFields = { name, argv, wrappers, assignments, redirects, cwd };
    const cmd = this.emit(
      {
        ...fields,
        ...(stdinText == null ? {} : { stdinText }),
        ...(stdinFile == null ? {} : { stdinFile }),
        ...(exec == null ? {} : { exec }),
      },
      frame,
      place,
      layers,
    );
    for (const file of describeFetch(name, args, redirects)?.files ?? []) {
      const resolved = resolveWord(file, cwd, this.ctx.home);
      if (resolved != null) this.downloads.add(resolved);
    }
    this.recordWrites(cmd);
    if (READERS.has(name)) forgetReadVariables(frame, name, args);
    runLayers(this, cmd, frame, place);
  }

  emit(fields: CommandFields, frame: Frame, place: Place, layers: readonly string[]): SimpleCommand {
    const cmd: SimpleCommand = {
      wrappers: [],
      assignments: [],
      redirects: [],
      cwd: frame.cwd,
      ...(frame.remote == null ? {} : { remote: frame.remote }),
      ...(frame.container == null ? {} : { container: frame.container }),
      ...fields,
      args: fields.argv.slice(1),
      index: this.commands.length,
      layers,
      excerpt: place.excerpt,
      start: frame.span.start,
      end: frame.span.end,
      pipeline: place.pipeline,
      stage: place.stage,
    };
    this.commands.push(cmd);
    const members = this.members.get(cmd.pipeline);
    if (members == null) this.members.set(cmd.pipeline, [cmd]);
    else members.push(cmd);
    return cmd;
  }

  private tooDeep(layers: readonly string[]): void {
    if (this.limits.length === 0) this.limits.push(`nested more than ${MAX_DEPTH} layers deep (${layers.slice(0, 4).join(" › ")} › …)`);
  }

  private overBudget(): boolean {
    if (this.commands.length < MAX_COMMANDS) return false;
    const limit = `runs more than ${MAX_COMMANDS} commands once its loops, finds and pipes are followed`;
    if (!this.limits.includes(limit)) this.limits.push(limit);
    return true;
  }

  /** Remembers what literal text a command writes into which file, so running that file is checked. */
  private recordWrites(cmd: SimpleCommand): void {
    const output = literalOutput(cmd);
    if (output == null) return;
    const targets = cmd.redirects.filter((r) => STDOUT_WRITES.has(r.op)).map((r) => ({ word: r.target, append: r.op.endsWith(">>") }));
    if (cmd.name === "tee") for (const word of cmd.args) if (!word.startsWith("-")) targets.push({ word, append: cmd.args.includes("-a") });
    for (const { word, append } of targets) {
      const abs = isDynamic(word) ? undefined : resolveWord(word, cmd.cwd, this.ctx.home);
      if (abs != null) this.written.set(abs, `${append ? (this.written.get(abs) ?? "") : ""}${output}\n`);
    }
  }

  upstream(place: Place): SimpleCommand[] {
    return (this.members.get(place.pipeline) ?? []).filter((c) => c.stage < place.stage);
  }

  /**
   * What a command reads on stdin: a heredoc, a here-string or the literal output of the command
   * piped into it; else the local file redirected in (`< x.sql`) or piped in by `cat x.sql |`;
   * else what the ssh / exec running this layer was fed.
   */
  private stdinOf(redirects: readonly Redirect[], frame: Frame, place: Place, cwd: string): { stdinText?: string; stdinFile?: string } {
    const text = place.heredocs[place.heredocs.length - 1] ?? redirects.find((r) => r.op === "<<<")?.target ?? this.upstreamText(place);
    const input = redirects.find((r) => r.op === "<");
    const inherited = frame.stdin != null && (place.stage === 0 || place === frame.stdin.place) ? frame.stdin : undefined;
    if (input != null) {
      const file = frame.remote == null ? resolveWord(input.target, cwd, this.ctx.home) : undefined;
      return { ...(text == null ? {} : { stdinText: text }), ...(file == null ? {} : { stdinFile: file }) };
    }
    const stdinText = text ?? inherited?.text;
    const stdinFile = inherited == null ? this.upstreamFile(place, frame) : inherited.file;
    return { ...(stdinText == null ? {} : { stdinText }), ...(stdinFile == null ? {} : { stdinFile }) };
  }

  /** `cat x.sql | psql`: the one local file the previous stage prints. */
  private upstreamFile(place: Place, frame: Frame): string | undefined {
    if (place.stage === 0 || frame.remote != null) return undefined;
    const head = this.members.get(place.pipeline)?.find((c) => c.stage === place.stage - 1);
    if (head?.name !== "cat" || head.remote != null) return undefined;
    const files = head.args.filter((a) => !a.startsWith("-"));
    return files.length === 1 && files[0] != null ? resolveWord(files[0], head.cwd, this.ctx.home) : undefined;
  }

  private upstreamText(place: Place): string | undefined {
    if (place.stage === 0) return undefined;
    const head = this.members.get(place.pipeline)?.find((c) => c.stage === place.stage - 1);
    return head == null ? undefined : (literalOutput(head) ?? commandOutput(head, this.ctx));
  }

  private analyseSubsIn(seg: RawSegment, frame: Frame): void {
    for (const text of [seg.text, ...seg.heredocs]) {
      for (const index of markerIndices(text)) if (!this.subFetches.has(index)) this.analyseSub(index, frame);
    }
  }

  private analyseSub(index: number, frame: Frame): void {
    const sub = this.subs[index];
    if (sub == null) return;
    this.subFetches.set(index, false);
    const from = this.commands.length;
    const layers = [...frame.layers, sub.kind];
    this.analyseList(sub.body, frame, layers);
    const ran = this.commands.slice(from);
    this.subFetches.set(index, ran.some(isStdoutFetcher));
    const output = this.listOutput(ran.filter((c) => c.layers.length === layers.length));
    if (output != null && output.length <= MAX_VALUE) this.subOutputs.set(index, output);
  }

  /** What a list of commands prints: each pipeline's last command's output, when all are known. */
  private listOutput(commands: readonly SimpleCommand[]): string | undefined {
    let out = "";
    for (const [k, cmd] of commands.entries()) {
      const next = commands[k + 1];
      if (next != null && next.pipeline === cmd.pipeline) continue;
      const printed = cmd.forkBomb === true || cmd.synthetic != null ? undefined : commandOutput(cmd, this.ctx);
      if (printed == null) return undefined;
      out += printed;
    }
    return out;
  }

  /** True when the text holds a substitution whose output is downloaded content. */
  private fetchedText(text: string): boolean {
    return markerIndices(text).some((index) => this.subFetches.get(index) === true);
  }

  private execFor(
    argv0: string,
    name: string,
    args: readonly string[],
    redirects: readonly Redirect[],
    stdinText: string | undefined,
    place: Place,
    cwd: string,
  ): ExecSource | undefined {
    const language = languageOf(name);
    let source: CodeSource | undefined;
    if (SHELLS.has(name)) source = shellSource(args);
    else if (name === "su") source = suSource(args);
    else if (name === "eval") source = { code: args.join(" "), stdin: false, flag: "" };
    else if ((name === "source" || name === ".") && args[0] != null)
      source = { file: args[0], stdin: false, flag: "", rest: args.slice(1) };
    else if (language != null) source = interpreterSource(name, language, args);
    else if (argv0.includes("/") && (this.isDownloaded(argv0, cwd) || this.writtenText(argv0, cwd) != null)) {
      source = { file: argv0, stdin: false, flag: "", rest: args };
    }
    if (source == null) return undefined;
    const via = source.flag;
    const params = source.rest == null ? {} : { params: source.rest };
    if (source.code != null) return { from: "string", via, text: source.code, fetched: this.fetchedText(source.code), ...params };
    if (source.file != null) {
      const fetched = this.fetchedText(source.file) || looksLikeUrl(source.file) || this.isDownloaded(source.file, cwd);
      const text = this.writtenText(source.file, cwd) ?? outputOfMarker(source.file, this.subOutputs);
      return { from: "file", via: source.file, path: source.file, fetched, ...(text == null ? {} : { text }), ...params };
    }
    if (!source.stdin) return undefined;
    const fetched =
      this.upstream(place).some(isStdoutFetcher) ||
      redirects.some((r) => (r.op === "<" || r.op === "<<<") && this.fetchedText(r.target)) ||
      (stdinText != null && this.fetchedText(stdinText));
    return stdinText == null ? { from: "stdin", via: "<stdin", fetched } : { from: "stdin", via: "<stdin", text: stdinText, fetched };
  }

  private writtenText(word: string, cwd: string): string | undefined {
    const resolved = isDynamic(word) ? undefined : resolveWord(word, cwd, this.ctx.home);
    return resolved == null ? undefined : this.written.get(resolved);
  }

  private isDownloaded(word: string, cwd: string): boolean {
    if (isDynamic(word)) return false;
    const resolved = resolveWord(word, cwd, this.ctx.home);
    return resolved != null && this.downloads.has(resolved);
  }
}

function isStdoutFetcher(cmd: SimpleCommand): boolean {
  return describeFetch(cmd.name, cmd.args, cmd.redirects)?.stdout === true;
}

/** Indices of the substitution markers in a text. */
function markerIndices(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(SUB_OPEN); at >= 0; at = text.indexOf(SUB_OPEN, at + 1)) {
    const close = text.indexOf(SUB_CLOSE, at);
    if (close > at) out.push(Number(text.slice(at + 1, close)));
  }
  return out;
}
