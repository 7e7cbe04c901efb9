import { defineConfig } from "vitest/config";

// A ceiling for a hung test, never a speed check: a busy machine may run any test slowly, and
// speed is what `pnpm bench` measures.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
