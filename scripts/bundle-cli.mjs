#!/usr/bin/env node
// Bundles the warden CLI into hooks/warden.mjs: one file that plain node runs, committed with the
// hooks so that a clone and the Claude Code plugin (hooks/ is the plugin) have it without a build.
// Minified to keep that committed file small; names are kept so a bug's stack trace still reads.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

// `warden --version` prints the root package's version, fixed at build time: nothing is read at run time.
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

await build({
  entryPoints: ["src/main.ts"],
  outfile: "../../hooks/warden.mjs",
  bundle: true,
  minify: true,
  keepNames: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: { js: `#!/usr/bin/env node\nimport{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);` },
  define: { WARDEN_VERSION: JSON.stringify(version) },
  logLevel: "warning",
});
