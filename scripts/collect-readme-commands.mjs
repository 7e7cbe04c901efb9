// Collects the shell command lines of Markdown code blocks (bash, sh, shell, console) from the
// documentation installed on a machine: Node's docs, npm's docs and the READMEs of the packages in
// node_modules. What it printed on the development machine (then formatted with oxfmt) is the corpus of real, everyday
// commands in packages/core/src/command-policy/fixtures/readme-commands.json, on which the guard's
// false stops are measured. Usage: node scripts/collect-readme-commands.mjs > that file.
import fs from "node:fs";
import path from "node:path";
const roots = [
  "/usr/share/doc/nodejs",
  "/usr/lib/node_modules/npm/docs",
  "/usr/lib/node_modules/npm/node_modules",
  path.resolve(import.meta.dirname, "..", "node_modules", ".pnpm"),
];
const files = [];
const walk = (d, depth) => {
  if (depth > 8) return;
  let ents;
  try {
    ents = fs.readdirSync(d, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of ents) {
    const p = path.join(d, e.name);
    if (e.isDirectory() && !e.isSymbolicLink()) walk(p, depth + 1);
    else if (e.isFile() && /\.md$/i.test(e.name)) files.push(p);
  }
};
for (const r of roots) walk(r, 0);
const out = new Map();
for (const f of files) {
  const text = fs.readFileSync(f, "utf8");
  const lines = text.split("\n");
  let inBlock = false,
    lang = "";
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const fence = /^\s*```+\s*([\w-]*)/.exec(l);
    if (fence) {
      if (!inBlock) {
        inBlock = true;
        lang = fence[1].toLowerCase();
      } else inBlock = false;
      continue;
    }
    if (!inBlock || !["bash", "sh", "shell", "console", "shell-session", "zsh"].includes(lang)) continue;
    // A line continued from the one before is a fragment, not a command.
    if (i > 0 && lines[i - 1].trimEnd().endsWith("\\")) continue;
    let cmd = l.trim();
    if (lang === "console" || lang === "shell-session") {
      if (!/^[$>] /.test(cmd)) continue;
    }
    cmd = cmd.replace(/^[$>] /, "");
    if (!cmd || cmd.startsWith("#") || cmd.endsWith("\\") || cmd.length > 300) continue;
    if (/^[A-Za-z_]+:/.test(cmd) || /^\{|^\}|^<|^\.\.\.|^-/.test(cmd)) continue;
    if (!out.has(cmd))
      out.set(
        cmd,
        f
          .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, "node_modules/")
          .replace(/^\/usr\/(share\/doc|lib\/node_modules)\//, ""),
      );
  }
}
process.stdout.write(
  JSON.stringify(
    [...out].map(([command, source]) => ({ command, source })),
    null,
    1,
  ),
);
