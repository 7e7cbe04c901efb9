#!/usr/bin/env node
// Bundles a hook package's entry into one self-contained ES module in the top-level hooks/
// folder, so Claude Code runs it with plain `node`: no TypeScript, no workspace resolution.
//
// Every hook process is short-lived and started often, so the bundle is shaped for start-up
// (`pnpm bench` measures it; see builtinsAsModules and hookModule below).
import { createHash } from "node:crypto";
import { copyFileSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = process.argv[2];
if (!entry) {
  console.error("usage: bundle-hook.mjs <entry.ts> (run from the hook package's folder)");
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = path.basename(process.cwd());
const outfile = path.join(root, "hooks", `${name}.mjs`);
const MODEL_FILE = "injection-model.bin";

// Node's built-ins, imported the way Node's own ES modules would (`import fs from "node:fs"`),
// are costly at a short-lived hook's start-up either way: Node's ESM facade for a built-in reads
// every export, getters included (fs pulls in streams and readline), and esbuild's CommonJS
// interop (`__toESM(require(...))`) copies every property of the module, once per importing file.
// So each built-in becomes a small ES module made here: its default export is the module itself
// (from the bundle's `require`, see hookModule), and each of its own data properties is a named
// export that esbuild drops when nothing imports it. Getters (fs.promises, fs.ReadStream) are
// never touched: importing one by name fails the build; reach it through the default export.
const requireHere = createRequire(import.meta.url);
const builtins = new Set(builtinModules);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  "arguments await break case catch class const continue debugger default delete do else enum eval export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield".split(
    " ",
  ),
);

function builtinModuleSource(id) {
  const mod = requireHere(id);
  const names = Object.getOwnPropertyNames(mod).filter(
    (key) => IDENTIFIER.test(key) && !RESERVED.has(key) && "value" in Object.getOwnPropertyDescriptor(mod, key),
  );
  return [
    `const m = require(${JSON.stringify(id)});`,
    `const pick = (key) => m[key];`,
    `export default m;`,
    ...names.map((key) => `export const ${key} = /* @__PURE__ */ pick(${JSON.stringify(key)});`),
  ].join("\n");
}

const builtinsAsModules = {
  name: "builtins-as-modules",
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_][\w/]*$/ }, (args) => {
      const id = args.path.startsWith("node:") ? args.path : `node:${args.path}`;
      if (!builtins.has(id.slice(5)) && !builtins.has(id)) return undefined;
      // require() of a built-in (from CommonJS dependencies, and from the modules made here) stays
      // a plain call of the bundle's `require`: bundling it would copy its properties again.
      if (args.kind === "require-call" || args.namespace === "builtin") return { path: id, external: true };
      return { path: id, namespace: "builtin" };
    });
    b.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({ contents: builtinModuleSource(args.path), loader: "js" }));
  },
};

// The Anthropic SDK serves only the optional LLM tier of the injection scanner, and is most of
// what the guard would otherwise carry (~0.4 MB that every process would load). It is built once
// into hooks/lib/anthropic-sdk.cjs, beside the hooks, and required from there on first use.
const SDK_LIB = "lib/anthropic-sdk.cjs";
const sdkBesideTheHooks = {
  name: "sdk-beside-the-hooks",
  setup(b) {
    b.onResolve({ filter: /^@anthropic-ai\/sdk$/ }, (args) => ({ path: args.path, namespace: "hook-lib" }));
    b.onLoad({ filter: /.*/, namespace: "hook-lib" }, () => ({
      contents: `const m = require("node:module").createRequire(__hookUrl)("./${SDK_LIB}");\nexport default m.default ?? m;`,
      loader: "js",
    }));
  },
};

const result = await build({
  entryPoints: [entry],
  write: false,
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "none",
  // The code runs as the body of a function (see hookModule), which receives both.
  define: { "import.meta.url": "__hookUrl" },
  plugins: [builtinsAsModules, sdkBesideTheHooks],
  metafile: true,
  logLevel: "warning",
});

const bundle = result.outputFiles[0].text;
const { imports, exports } = Object.values(result.metafile.outputs)[0];
const notInBody = [
  ...imports.filter((i) => i.kind !== "require-call" || !i.path.startsWith("node:")).map((i) => `${i.kind} of ${i.path}`),
  ...exports.map((e) => `export ${e}`),
  ...(/\bimport\.meta\b/.test(bundle) ? ["import.meta"] : []),
];
if (notInBody.length > 0) {
  console.error(`bundle-hook: ${name} cannot run as a function body: ${notInBody.join(", ")}`);
  process.exit(1);
}
// V8 keeps a source with any non-ASCII character as two bytes per character, to decode and scan.
const nonAscii = /[^\0-\x7f]/.exec(bundle);
if (nonAscii)
  console.warn(
    `bundle-hook: ${name} has a non-ASCII character (${JSON.stringify(bundle.slice(Math.max(0, nonAscii.index - 40), nonAscii.index + 10))}); escape it in the source`,
  );

writeFileSync(outfile, hookModule(bundle));
console.log(`built ${path.relative(root, outfile)}`);
// Only a hook whose bundle kept the loader needs the library (esbuild drops it where unused).
if (bundle.includes(SDK_LIB)) await buildSdkLib();
// The injection scanner's statistical model is read from beside the module that loads it.
if (bundle.includes(MODEL_FILE))
  copyFileSync(path.join(root, "packages/core/src/injection/statistical", MODEL_FILE), path.join(root, "hooks", MODEL_FILE));

/** hooks/lib/anthropic-sdk.cjs: the SDK and its dependencies, in one CommonJS file. */
async function buildSdkLib() {
  const file = path.join(root, "hooks", SDK_LIB);
  await build({
    stdin: { contents: `module.exports = require("@anthropic-ai/sdk");`, resolveDir: path.join(root, "packages", "core"), loader: "js" },
    outfile: file,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    minify: true,
    legalComments: "none",
    banner: { js: "// The Anthropic SDK, bundled by scripts/bundle-hook.mjs for the guard's optional LLM tier. Do not edit." },
    logLevel: "warning",
  });
  console.log(`built ${path.relative(root, file)}`);
}

/**
 * The hook file: a small ES module that compiles the bundle (kept in a string, so that parsing the
 * module costs no more than a scan of it) with a V8 code cache, and runs it. Compiling from the
 * cache skips parsing the code and compiling again every function the hook ran the first time: a
 * good part of a hook's start-up. See runWithCodeCache for where the cache lives and when it is used.
 */
function hookModule(code) {
  const body = `(async function (require, __hookUrl) {"use strict";\n${code}})`;
  const key = `${name}-${createHash("sha256").update(body).digest("hex").slice(0, 16)}`;
  const asciiString = JSON.stringify(body).replace(/[^\0-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return [
    `// Built from packages/${name} by scripts/bundle-hook.mjs. Do not edit.`,
    `// The hook's code is the string below, compiled by runWithCodeCache with a V8 code cache kept in .cache/.`,
    `await (${runWithCodeCache})(${asciiString}, ${JSON.stringify(key)}, import.meta.url);`,
    "",
  ].join("\n");
}

/**
 * Runs in the hook file (serialised with toString): compiles `code` with the V8 code cache
 * `.cache/<key>-<node binary>.v8` beside the hook (in the plugin's data folder when run as the plugin) and calls the function it evaluates to. A missing,
 * damaged, stale or rejected cache only costs the compilation it would have saved; the process then
 * leaves a new cache, if the folder is writable, for the next one. The key hashes the code; V8
 * checks its own version and flags but not how the node binary was built, hence the binary's hash.
 */
async function runWithCodeCache(code, key, url) {
  const require = process.getBuiltinModule ?? (await import("node:module")).createRequire(url);
  const fs = require("node:fs");
  const file = require("node:url").fileURLToPath(url);
  // Run as the Claude Code plugin, the hook keeps its cache in the plugin's data folder, not in
  // the installed plugin's files (replaced on every update).
  const pluginData = process.env.CLAUDE_PLUGIN_DATA;
  const dir = pluginData ? require("node:path").join(pluginData, "code-cache") : require("node:path").join(file, "..", ".cache");
  let binary = 0x811c9dc5;
  for (const ch of `${process.execPath} ${process.version} ${process.arch}`) binary = Math.imul(binary ^ ch.charCodeAt(0), 0x01000193);
  const cacheFile = `${dir}/${key}-${(binary >>> 0).toString(36)}.v8`;
  let cachedData;
  try {
    // Written twice over: V8 checks little of a cache, and a damaged one can crash the process.
    const both = fs.readFileSync(cacheFile);
    const half = both.length / 2;
    if (half > 0 && Number.isInteger(half) && both.compare(both, 0, half, half) === 0) cachedData = both.subarray(0, half);
  } catch {}
  const script = new (require("node:vm").Script)(code, { filename: file, cachedData });
  await script.runInThisContext()(require, url);
  if (cachedData !== undefined && script.cachedDataRejected !== true) return;
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}/.gitignore`, "# V8 code caches of the hooks beside this folder: safe to delete.\n*\n");
    const data = script.createCachedData();
    fs.writeFileSync(tmp, Buffer.concat([data, data]), { flag: "wx" });
    fs.renameSync(tmp, cacheFile);
    const hook = key.slice(0, key.lastIndexOf("-") + 1);
    for (const old of fs.readdirSync(dir))
      if (old.startsWith(hook) && !cacheFile.endsWith(`/${old}`)) fs.rmSync(`${dir}/${old}`, { force: true });
  } catch {
    // A read-only or vanished folder: the next process compiles without a cache, as this one did.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {}
  }
}
