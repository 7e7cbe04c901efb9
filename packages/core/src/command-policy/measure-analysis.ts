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
  /** Each command's median and 99th-percentile time over the iterations. */
  readonly each: readonly { readonly command: string; readonly p50Ms: number; readonly p99Ms: number }[];
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
  const samples = new Map<string, number[]>(commands.map((command) => [command, []]));
  const started = now();
  for (let i = 0; i < iterations; i += 1) {
    for (const command of commands) {
      const t0 = now();
      policy.evaluateCommand(command, ctx);
      samples.get(command)?.push(now() - t0);
    }
  }
  const totalMs = now() - started;
  let slowest = { command: "", ms: 0 };
  for (const [command, times] of samples) {
    const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
    if (mean > slowest.ms) slowest = { command, ms: mean };
  }
  const each = [...samples].map(([command, times]) => ({ command, p50Ms: quantile(times, 0.5), p99Ms: quantile(times, 0.99) }));
  const runs = commands.length * iterations;
  return { commands: commands.length, iterations, totalMs, perCommandMs: runs === 0 ? 0 : totalMs / runs, slowest, each };
}

function quantile(times: readonly number[], q: number): number {
  const sorted = times.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}
