#!/usr/bin/env node
// Writes schemas/warden-config.schema.json, the JSON Schema of .claude/warden.json for editors,
// from the same zod schema the hooks validate with. `--check` fails if the file is stale.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// A build-time tool, not part of core's public surface: it reads the built module directly.
const { wardenConfigJsonSchema } = await import(pathToFileURL(path.join(root, "packages/core/dist/config/config-json-schema.js")).href);
const file = path.join(root, "schemas", "warden-config.schema.json");
const text = `${JSON.stringify(wardenConfigJsonSchema(), null, 2)}\n`;

if (process.argv.includes("--check")) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (current !== text) {
    console.error(`${path.relative(root, file)} is stale: run node scripts/config-schema.mjs`);
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(root, file)}`);
}
