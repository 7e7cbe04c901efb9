#!/usr/bin/env node
// Writes hooks/resident-hook.bash, the hook client of resident mode, with the build of the
// server beside it (the hash of hooks/server.mjs, as the server computes it at its start): a
// client trusts only a server of its own build, so a server left running across an update is
// not used until it is restarted.
import { createHash } from "node:crypto";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const build = createHash("sha256")
  .update(readFileSync(path.join(root, "hooks", "server.mjs")))
  .digest("hex")
  .slice(0, 16);
const template = readFileSync(path.join(root, "packages", "server", "src", "resident-hook.bash"), "utf8");
const out = path.join(root, "hooks", "resident-hook.bash");
writeFileSync(out, `#!/usr/bin/env bash\n${template.replace("__BUILD__", build)}`);
chmodSync(out, 0o755);
console.log(`built hooks/resident-hook.bash (server build ${build})`);
