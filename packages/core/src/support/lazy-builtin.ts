import { createRequire } from "node:module";

let load: NodeJS.Require | undefined;

/**
 * Loads a Node built-in on first use. Some (crypto, zlib, net, child_process) cost a short-lived hook process
 * milliseconds to load and are needed only on rare paths.
 */
export function loadBuiltin<T>(id: "node:crypto" | "node:zlib" | "node:net" | "node:child_process"): T {
  load ??= createRequire(import.meta.url);
  return load(id) as T;
}

/** Milliseconds from a monotonic clock; unlike performance.now() it does not load perf_hooks. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
