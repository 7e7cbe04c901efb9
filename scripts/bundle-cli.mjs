#!/usr/bin/env node
// Bundles the warden CLI into packages/cli/dist/warden.mjs: one file that plain node runs.
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
