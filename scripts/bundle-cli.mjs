#!/usr/bin/env node
// Bundles the warden CLI into packages/cli/dist/warden.mjs: one file that plain node runs.
import { copyFileSync } from "node:fs";
import { build } from "esbuild";

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/warden.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: { js: `#!/usr/bin/env node\nimport{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);` },
  logLevel: "warning",
});
// The injection scanner's statistical model is read from beside the module that loads it.
copyFileSync("../core/src/injection/statistical/injection-model.bin", "dist/injection-model.bin");
