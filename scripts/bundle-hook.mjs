#!/usr/bin/env node
// Bundles a hook package's entry into one self-contained ES module in the top-level hooks/
// folder, so Claude Code runs it with plain `node`: no TypeScript, no workspace resolution.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const entry = process.argv[2];
if (!entry) {
  console.error("usage: bundle-hook.mjs <entry.ts> (run from the hook package's folder)");
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = path.basename(process.cwd());
const outfile = path.join(root, "hooks", `${name}.mjs`);

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "none",
  // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
  banner: { js: `// Built from packages/${name} by scripts/bundle-hook.mjs. Do not edit.\nimport{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);` },
  logLevel: "warning",
});
console.log(`built ${path.relative(root, outfile)}`);
