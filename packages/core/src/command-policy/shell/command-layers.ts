import type { CommandContext, Mount, Redirect, SimpleCommand } from "../command-types.js";
import { SHELLS, languageOf } from "./exec-source.js";
import { inspectCode, type Language } from "./inspect-code.js";
import { execCommands, foundItems, parseFind } from "./parse-find.js";
import { optionValue, parseOptions } from "./parse-options.js";
import { DYNAMIC } from "./markers.js";
import { readRemoteCommand, type ContainerMount, type RemoteCommand } from "./remote-command.js";
import { REMOTE_HOME } from "./remote-side.js";
import { resolveWord } from "./resolve-word.js";
import { isAssignment } from "./unwrap-command.js";

/**
 * The commands that run other commands, and how the analysis follows them: the code of
 * `sh -c` / `eval` / a shell fed on stdin, interpreter one-liners, `xargs`, `find -exec`,
 * `parallel`, `watch`, `alias` and `trap` bodies, and what `ssh` / `docker exec` / `kubectl exec` run
 * on the remote side. Also the state a command changes (`cd`, `export`).
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where the analysis is: the virtual cwd and variables, the layer chain, the top-level segment. */
export interface Frame {
  cwd: string;
  readonly vars: Map<string, string>;
  readonly layers: readonly string[];
  span: Span;
  /** Set on the far side of `ssh` / `docker exec`: the layer that sent the commands there. */
  readonly remote?: string;
  /** In a container `docker run` creates: its mounts (see SimpleCommand.container). */
  readonly container?: { readonly mounts: readonly Mount[] };
  /** The stdin of the command whose layer this is, which the layer's first commands read. */
  readonly stdin?: InheritedStdin;
}

/** What `ssh db psql <<EOF` or `docker exec -i db psql < x.sql` feeds the command it runs. */
export interface InheritedStdin {
  readonly text?: string;
  readonly file?: string;
  /** The segment it came from: a command processed in that same segment inherits it at any stage. */
  readonly place: Place;
}

/** The segment a command comes from. */
export interface Place {
  readonly pipeline: number;
  readonly stage: number;
  readonly excerpt: string;
  readonly heredocs: readonly string[];
}

export type CommandFields = Pick<SimpleCommand, "name" | "argv"> &
  Partial<
    Pick<SimpleCommand, "wrappers" | "assignments" | "redirects" | "cwd" | "stdinText" | "stdinFile" | "exec" | "synthetic" | "forkBomb">
  >;

export interface LayerHost {
  readonly ctx: CommandContext;
  analyseList(source: string, frame: Frame, layers: readonly string[], params?: ReadonlyMap<string, string>): void;
  processWords(words: readonly string[], redirects: readonly Redirect[], frame: Frame, place: Place, layers: readonly string[]): void;
  emit(fields: CommandFields, frame: Frame, place: Place, layers: readonly string[]): SimpleCommand;
  upstream(place: Place): readonly SimpleCommand[];
}

const MAX_EXPANSIONS = 4;
/** Items a pipe passes on that are looked at (`find … | xargs rm` gets them all as arguments). */
const MAX_PIPED = 16;
const VARIABLE_SETTERS = new Set(["export", "declare", "typeset", "local", "readonly"]);
const WHITESPACE = /\s+/;

export function runLayers(host: LayerHost, cmd: SimpleCommand, frame: Frame, place: Place): void {
  const { name, args, exec } = cmd;
  const here = cmd.cwd === frame.cwd ? frame : { ...frame, cwd: cmd.cwd };
  if (
    exec != null &&
    (SHELLS.has(name) || name === "eval" || name === "su" || name === "source" || name === "." || exec.path === cmd.argv[0])
  ) {
    if (exec.text != null)
      host.analyseList(exec.text, here, [...cmd.layers, layerName(cmd)], positionalParams(exec.params, exec.from === "string"));
    return;
  }
  const language = languageOf(name);
  if (language != null && exec != null) return interpret(host, cmd, language, here, place);
  const remote = readRemoteCommand(cmd);
  if (remote != null) return enterRemote(host, cmd, remote, here, place);
  const inner = [...cmd.layers, name];
  switch (name) {
    case "xargs":
      return xargs(host, cmd, here, place);
    case "find":
      for (const command of execCommands(parseFind(args), MAX_EXPANSIONS))
        host.processWords(command, [], here, place, [...cmd.layers, "find -exec"]);
      return;
    case "parallel":
      return parallel(host, cmd, here, place);
    case "watch": {
      const p = parseOptions(args, { value: "n", valueLong: ["interval"], stopAtPositional: true });
      host.analyseList(args.slice(p.rest).join(" "), here, inner);
      return;
    }
    case "alias":
      for (const arg of args) if (arg.includes("=")) host.analyseList(arg.slice(arg.indexOf("=") + 1), here, inner);
      return;
    case "trap":
      if (args[0] != null && !args[0].startsWith("-")) host.analyseList(args[0], here, inner);
      return;
    case "cd":
    case "pushd": {
      const target = args.find((a) => !a.startsWith("-") || a === "-");
      if (target === "-") return;
      const home = frame.remote == null ? host.ctx.home : REMOTE_HOME;
      frame.cwd = target == null ? home : (resolveWord(target, frame.cwd, home) ?? frame.cwd);
      return;
    }
    default:
      if (VARIABLE_SETTERS.has(name)) {
        for (const arg of args) if (isAssignment(arg)) frame.vars.set(arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1));
      }
  }
}

/** `$0`, `$1`, … for a script: after `sh -c 'code'` the first word is `$0`, after a script file `$1`. */
export function positionalParams(params: readonly string[] | undefined, startsAtZero: boolean): ReadonlyMap<string, string> | undefined {
  if (params == null || params.length === 0) return undefined;
  const out = new Map<string, string>();
  params.slice(0, 9).forEach((value, k) => out.set(String(startsAtZero ? k : k + 1), value));
  out.set("@", params.slice(startsAtZero ? 1 : 0).join(" "));
  return out;
}

function layerName(cmd: SimpleCommand): string {
  return `${cmd.name} ${cmd.exec?.via ?? ""}`.trim();
}

/**
 * The far side of ssh / exec, as a layer: its own cwd and variables (`$HOME` is the remote home), and
 * the stdin the local command was given. `ssh host` with no command runs its stdin as the script.
 */
function enterRemote(host: LayerHost, cmd: SimpleCommand, remote: RemoteCommand, frame: Frame, place: Place): void {
  const layers = [...cmd.layers, remote.via];
  const runsStdin = remote.code === "";
  const inner: Frame = {
    cwd: remote.cwd,
    vars: new Map([
      ["HOME", REMOTE_HOME],
      ["PWD", remote.cwd],
    ]),
    layers: frame.layers,
    span: frame.span,
    remote: remote.via,
    ...(remote.mounts == null ? {} : { container: { mounts: localMounts(host, cmd, remote.mounts) } }),
    ...(runsStdin
      ? {}
      : {
          stdin: {
            place,
            ...(cmd.stdinText == null ? {} : { text: cmd.stdinText }),
            ...(cmd.stdinFile == null ? {} : { file: cmd.stdinFile }),
          },
        }),
  };
  if (remote.argv != null) host.processWords(remote.argv, [], inner, place, layers);
  else {
    const code = runsStdin ? cmd.stdinText : remote.code;
    if (code != null) host.analyseList(code, inner, layers);
  }
}

/**
 * A new container's mounts, their host side resolved on this machine (`$(pwd)`, `.`, `~/data`). A
 * bind mount whose source is only known when it runs is kept as a mount of unknown, lasting content.
 */
function localMounts(host: LayerHost, cmd: SimpleCommand, mounts: readonly ContainerMount[]): Mount[] {
  return mounts.map(({ source, target, volume }) => {
    const inside = target.length > 1 ? target.replace(/\/+$/, "") : target;
    const local = volume ? undefined : resolveWord(source, cmd.cwd, host.ctx.home);
    return local == null ? { inside } : { host: local, inside };
  });
}

function interpret(host: LayerHost, cmd: SimpleCommand, language: Language, frame: Frame, place: Place): void {
  const code = cmd.exec?.text;
  if (code == null) return;
  const insight = inspectCode(language, code);
  const layers = [...cmd.layers, layerName(cmd)];
  for (const call of insight.shellCalls) host.analyseList(call.command, frame, [...layers, call.fn]);
  for (const deletion of insight.deletions) {
    const argv = deletion.recursive ? ["rm", "-r", deletion.target] : ["rm", deletion.target];
    host.emit({ name: "rm", argv, cwd: cmd.cwd, synthetic: { language, writes: true } }, frame, place, [...layers, deletion.fn]);
  }
  if (insight.literals.length > 0) {
    host.emit(
      { name: cmd.name, argv: [cmd.name, ...insight.literals], cwd: cmd.cwd, synthetic: { language, writes: insight.writes } },
      frame,
      place,
      layers,
    );
  }
  if (insight.forkBomb)
    host.emit({ name: cmd.name, argv: [cmd.name], forkBomb: true, synthetic: { language, writes: false } }, frame, place, layers);
}

function xargs(host: LayerHost, cmd: SimpleCommand, frame: Frame, place: Place): void {
  const p = parseOptions(cmd.args, {
    value: "ILnPsdEa",
    valueLong: ["arg-file", "delimiter", "max-args", "max-procs", "max-lines", "eof"],
    stopAtPositional: true,
  });
  const command = cmd.args.slice(p.rest);
  const words = command.length > 0 ? command : ["echo"];
  const long = p.long.get("replace");
  const replace = optionValue(p, "I", ["replace"]) ?? (p.short.has("i") || long === true ? "{}" : undefined);
  const items = upstreamItems(host, cmd, place);
  const layers = [...cmd.layers, "xargs"];
  if (replace == null) {
    host.processWords([...words, ...items.slice(0, MAX_PIPED)], [], frame, place, layers);
    return;
  }
  for (const item of items.length > 0 ? items.slice(0, MAX_EXPANSIONS) : [`${DYNAMIC}{stdin}`]) {
    host.processWords(
      words.map((w) => w.split(replace).join(item)),
      [],
      frame,
      place,
      layers,
    );
  }
}

function parallel(host: LayerHost, cmd: SimpleCommand, frame: Frame, place: Place): void {
  const p = parseOptions(cmd.args, {
    value: "jSaIdEnNPs",
    valueLong: ["jobs", "sshlogin", "arg-file", "delay", "timeout", "joblog"],
    stopAtPositional: true,
  });
  const rest = cmd.args.slice(p.rest);
  const separator = rest.findIndex((w) => w.startsWith(":::"));
  const template = (separator < 0 ? rest : rest.slice(0, separator)).join(" ");
  const items = separator < 0 ? upstreamItems(host, cmd, place) : rest.slice(separator + 1).filter((w) => !w.startsWith(":::"));
  const layers = [...cmd.layers, "parallel"];
  if (items.length === 0) host.analyseList(template, frame, layers);
  for (const item of items.slice(0, MAX_EXPANSIONS)) {
    host.analyseList(template.includes("{}") ? template.split("{}").join(item) : `${template} ${item}`, frame, layers);
  }
}

/**
 * What a command reading items from stdin gets, when the pipeline tells: `echo a b |`, `find / |`.
 * Otherwise (`ls |`, `cat list |`, `< file`) one unknown item: what it runs on is not known.
 */
function upstreamItems(host: LayerHost, cmd: SimpleCommand, place: Place): readonly string[] {
  if (cmd.stdinText != null) return cmd.stdinText.split(WHITESPACE).filter(Boolean);
  const finder = host.upstream(place).find((c) => c.name === "find" && c.stage === place.stage - 1);
  return finder == null ? [`${DYNAMIC}{stdin}`] : foundItems(parseFind(finder.args), MAX_PIPED);
}

/** The literal text a command writes to stdout, when it is plain data (`echo`, `printf`, `base64 -d`). */
export function literalOutput(cmd: SimpleCommand): string | undefined {
  const { name, args } = cmd;
  if (name === "echo") {
    let k = 0;
    while (ECHO_FLAG.test(args[k] ?? "")) k += 1;
    return args.slice(k).join(" ");
  }
  if (name === "printf" && args[0] != null) return args[0].includes("%") ? args.slice(1).join("\n") : args[0].split("\\n").join("\n");
  if (name === "base64" && cmd.stdinText != null && args.some((a) => a === "-d" || a === "--decode" || a === "-D")) {
    return Buffer.from(cmd.stdinText.trim(), "base64").toString("utf8");
  }
  if (name === "cat" && args.length === 0) return cmd.stdinText;
  return undefined;
}

const ECHO_FLAG = /^-[neE]+$/;
