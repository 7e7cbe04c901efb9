import type { CommandContext } from "./command-types.js";
import { createCommandPolicy, type CommandPolicy } from "./create-command-policy.js";

/**
 * How long the guard takes per command (parse + every rule), for the benchmark. Not a test: it
 * returns figures; `pnpm bench` prints them. Not exported from the package either: scripts/bench.mjs
 * imports the built module, dist/command-policy/measure-analysis.js.
 */

export interface AnalysisTiming {
  readonly commands: number;
  readonly iterations: number;
  readonly totalMs: number;
  /** Mean time of one command's evaluation. */
  readonly perCommandMs: number;
  /** The command with the highest mean time. */
  readonly slowest: { readonly command: string; readonly ms: number };
}

export interface MeasureOptions {
  readonly policy?: CommandPolicy;
  readonly ctx?: CommandContext;
  readonly iterations?: number;
  readonly now?: () => number;
}

const DEFAULT_CONTEXT: CommandContext = { cwd: "/home/dev/project", projectDir: "/home/dev/project", home: "/home/dev" };

export function measureAnalysis(commands: readonly string[], options: MeasureOptions = {}): AnalysisTiming {
  const policy = options.policy ?? createCommandPolicy();
  const ctx = options.ctx ?? DEFAULT_CONTEXT;
  const iterations = options.iterations ?? 20;
  const now = options.now ?? (() => performance.now());
  for (const command of commands) policy.evaluateCommand(command, ctx);
  const perCommand = new Map<string, number>();
  const started = now();
  for (let i = 0; i < iterations; i += 1) {
    for (const command of commands) {
      const t0 = now();
      policy.evaluateCommand(command, ctx);
      perCommand.set(command, (perCommand.get(command) ?? 0) + now() - t0);
    }
  }
  const totalMs = now() - started;
  let slowest = { command: "", ms: 0 };
  for (const [command, ms] of perCommand) if (ms / iterations > slowest.ms) slowest = { command, ms: ms / iterations };
  const runs = commands.length * iterations;
  return { commands: commands.length, iterations, totalMs, perCommandMs: runs === 0 ? 0 : totalMs / runs, slowest };
}
