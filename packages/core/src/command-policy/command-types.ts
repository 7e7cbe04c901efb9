import type { Severity } from "../verdict.js";

/** What a rule asks the hook to do: refuse, ask the user, or let it run and record a warning. */
export type RuleAction = "deny" | "ask" | "warn";

/** A redirection of one simple command, e.g. `2>/dev/null` is `{ op: ">", fd: "2", target: "/dev/null" }`. */
export interface Redirect {
  readonly op: string;
  readonly fd?: string;
  readonly target: string;
}

/** Where a command that runs code (a shell, `eval`, `python -c`) takes that code from. */
export interface ExecSource {
  readonly from: "string" | "stdin" | "file";
  /** How it was passed, for the layer name: `-c`, `-e`, `eval`, `<stdin`, or the script's path. */
  readonly via: string;
  /** The code, when known: inline, piped, or written to the script earlier in the same command line. */
  readonly text?: string;
  /** The script file, when it runs one. */
  readonly path?: string;
  /** The script's positional parameters: `$0`, `$1`, … (`sh -c 'rm -rf "$1"' _ /`). */
  readonly params?: readonly string[];
  /** The code comes from the network: a download piped, substituted or saved and then run. */
  readonly fetched: boolean;
}

/**
 * One simple command as it will run, after tokenising, splitting and unwrapping: `sudo env X=1 rm -rf /`
 * is the command `rm` with arguments `-rf /`, wrappers `sudo env` and assignment `X=1`.
 * Words may hold markers: U+0001 before an unresolved `${NAME}`, U+0002…U+0003 around a substitution.
 */
export interface SimpleCommand {
  readonly index: number;
  /** The program's base name (`/usr/bin/rm` is `rm`); "" when the segment only redirects or assigns. */
  readonly name: string;
  readonly argv: readonly string[];
  readonly args: readonly string[];
  readonly wrappers: readonly string[];
  readonly assignments: readonly string[];
  readonly redirects: readonly Redirect[];
  /** The directory the command runs in, following earlier `cd`s of the same command line. */
  readonly cwd: string;
  /** How it was reached from the top-level command, e.g. `["bash -c", "$(…)"]`; empty at the top. */
  readonly layers: readonly string[];
  /** The shell text of the segment it came from (the innermost layer's text). */
  readonly excerpt: string;
  /** Offsets of the top-level segment in the analysed command. */
  readonly start: number;
  readonly end: number;
  /** Pipeline membership: commands sharing `pipeline` are joined by `|`, in `stage` order. */
  readonly pipeline: number;
  readonly stage: number;
  /** Literal text fed to its stdin (a heredoc, a here-string, `echo … |`), when known. */
  readonly stdinText?: string;
  /** The local file fed to its stdin (`< dump.sql`, `cat dump.sql |`), absolute; also the one fed to the `ssh` or `docker exec` that runs it. */
  readonly stdinFile?: string;
  /**
   * Set when it runs on another machine or in a container, to the layer that sends it there (`ssh db`,
   * `docker exec web`, `kubectl exec api`). Its paths are that side's: its home and working directory are unknown.
   */
  readonly remote?: string;
  /**
   * Set in a container `docker run` creates: its own files are a fresh copy of the image, gone with
   * it; only its mounts (this machine's directories, named volumes) hold anything that lasts.
   */
  readonly container?: { readonly mounts: readonly Mount[] };
  /** Set for shells, `eval`, `source` and interpreters: where the code they run comes from. */
  readonly exec?: ExecSource;
  /** Set for synthetic commands standing for interpreter code (`python -c "…shutil.rmtree…"`). */
  readonly synthetic?: { readonly language: string; readonly writes: boolean };
  /** A fork bomb (a function that calls itself twice in the background, `fork while fork`). */
  readonly forkBomb?: boolean;
}

/** The whole parse of one command string: every simple command at every layer, in order. */
export interface CommandAnalysis {
  readonly command: string;
  readonly commands: readonly SimpleCommand[];
  /** Why parts of the command could not be parsed; empty when it parsed completely. */
  readonly errors: readonly string[];
  /** Parts left unanalysed because they nest too deep or the command is too long. */
  readonly limits: readonly string[];
}

/** The world a command runs in. */
export interface CommandContext {
  readonly cwd: string;
  readonly projectDir: string;
  readonly home: string;
}

export interface RuleHit {
  /** What exactly matched, e.g. the resolved target `/home/dev`. */
  readonly detail?: string;
}

/** One catalogue entry, as it is documented and re-levelled by the config. */
/** A mount of a new container: `inside` (absolute, in the container) is `host` (absolute, on this machine), or a named volume when `host` is not set. */
export interface Mount {
  readonly host?: string;
  readonly inside: string;
}

export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly action: RuleAction;
  readonly category: string;
  /** What the rule stops, in words both a person and the model understand. */
  readonly reason: string;
  /** The rule pack it belongs to (`cloud`, `db`, …), switched and re-levelled as a whole by `commands.packs`; none for the core rules. */
  readonly pack?: string;
}
