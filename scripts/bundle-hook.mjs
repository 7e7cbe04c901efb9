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

// Node's built-ins imported from an ES module go through an ESM facade that loads far more than
// asked (fs pulls in streams and readline): several milliseconds of every hook's start-up.
// Loading them with require() from the banner's createRequire skips the facade.
const builtinsViaRequire = {
  name: "builtins-via-require",
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.namespace === "builtin" ? { path: args.path, external: true } : { path: args.path, namespace: "builtin" },
    );
    b.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
  },
};

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
  plugins: [builtinsViaRequire],
  logLevel: "warning",
});
console.log(`built ${path.relative(root, outfile)}`);
