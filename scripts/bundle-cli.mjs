#!/usr/bin/env node
// Bundles the warden CLI into packages/cli/dist/warden.mjs: one file that plain node runs.
import { copyFileSync, readFileSync } from "node:fs";
import { build } from "esbuild";

// `warden --version` prints the root package's version, fixed at build time: nothing is read at run time.
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/warden.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: { js: `#!/usr/bin/env node\nimport{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);` },
  define: { WARDEN_VERSION: JSON.stringify(version) },
  logLevel: "warning",
});
// The injection scanner's statistical model is read from beside the module that loads it.
copyFileSync("../core/src/injection/statistical/injection-model.bin", "dist/injection-model.bin");
