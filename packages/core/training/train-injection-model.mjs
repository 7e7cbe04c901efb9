#!/usr/bin/env node
// Trains the statistical layer of the injection guard: logistic regression over the hashed
// features of src/injection/statistical/hashed-features.ts, on the corpus of corpus.mjs, and
// reports precision and recall on the held-out split. Writes the weights
// (src/injection/statistical/injection-model.bin) unless --dry-run.
//
//   cd packages/core && node --import tsx training/train-injection-model.mjs [--datasets DIR] [--dry-run]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { FEATURE_COUNT, featureCapacity, hashFeatures } from "../src/injection/statistical/hashed-features.ts";
import { encodeModel, scoreText } from "../src/injection/statistical/linear-model.ts";
import { segmentText } from "../src/injection/statistical/text-segments.ts";
import { normalizeText } from "../src/injection/normalize-text.ts";
import { createInjectionScanner } from "../src/injection/injection-scanner.ts";
import { DEFAULT_ADDRESSED_AT, DEFAULT_ALONE_AT, DEFAULT_SUPPORTED_AT } from "../src/injection/statistical/statistical-layer.ts";
import { buildCorpus, seededRandom } from "./corpus.mjs";
import { shuffle } from "./random-text.mjs";

const defaultThresholds = () => ({ aloneAt: DEFAULT_ALONE_AT, supportedAt: DEFAULT_SUPPORTED_AT, addressedAt: DEFAULT_ADDRESSED_AT });

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const { values: args } = parseArgs({
  options: {
    datasets: { type: "string", default: path.resolve(root, "../shared/datasets") },
    "dry-run": { type: "boolean" },
    epochs: { type: "string", default: "6" },
    seed: { type: "string", default: "13" },
  },
});
const seed = Number(args.seed);
const out = path.join(here, "../src/injection/statistical/injection-model.bin");

const started = Date.now();
const corpus = buildCorpus({ datasets: args.datasets, root, seed }).map((d) => {
  const n = normalizeText(d.text);
  // Spans were found in the raw text; the normalized copy of generated text is the same text
  // except where the attack itself is obfuscated, so spans are kept only when the text did not change.
  return { ...d, text: n.text, spans: n.map == null ? d.spans : null };
});
const train = corpus.filter((d) => d.split === "train");
const test = corpus.filter((d) => d.split === "test");
log(`corpus: ${corpus.length} documents (${train.length} train, ${test.length} test) in ${Date.now() - started} ms`);

/** The features of one stretch of text, as a list of buckets (repeats kept). */
function features(text, start, end) {
  const out = new Int32Array(featureCapacity(end - start));
  return out.slice(0, hashFeatures(text, start, end, out));
}

const random = seededRandom(seed);
const MAX_NEGATIVE_PIECES = 60;

/** Training examples: benign pieces, and each attack's injected stretch (or its whole text until MIL picks a piece). */
function examples(docs, model) {
  const xs = [];
  for (const d of docs) {
    const bounds = segmentText(d.text);
    const pieces = [];
    for (let k = 0; k < bounds.length; k += 2) pieces.push([bounds[k], bounds[k + 1]]);
    if (d.label === 0) {
      for (const [s, e] of sample(pieces, MAX_NEGATIVE_PIECES)) xs.push({ f: features(d.text, s, e), y: 0 });
      continue;
    }
    if (d.spans) {
      for (const [a, b] of d.spans) {
        const hit = pieces.filter(([s, e]) => s < b && e > a);
        if (hit.length === 0) continue;
        // The injected text itself, and the stretch the scanner would score around it.
        xs.push({ f: features(d.text, a, b), y: 1 });
        xs.push({ f: features(d.text, hit[0][0], hit[hit.length - 1][1]), y: 1 });
        // The carrier around an injection is ordinary text.
        const rest = pieces.filter(([s, e]) => e <= a || s >= b);
        for (const [s, e] of sample(rest, 6)) xs.push({ f: features(d.text, s, e), y: 0 });
      }
      continue;
    }
    if (model == null || d.text.length <= 600) {
      xs.push({ f: features(d.text, 0, Math.min(d.text.length, 4000)), y: 1 });
      continue;
    }
    // Multiple-instance step: of an attack whose injected part is not known, the stretch the
    // current model finds most suspicious stands for it.
    const best = scoreText(model, d.text, -Infinity, 1)[0];
    if (best) xs.push({ f: features(d.text, best.start, best.end), y: 1 });
  }
  return xs;
}

function sample(list, n) {
  if (list.length <= n) return list;
  return shuffle(random, list).slice(0, n);
}

/** Logistic regression with AdaGrad steps and L2, positives weighted to balance the classes. */
function fit(xs, epochs) {
  const w = new Float32Array(FEATURE_COUNT);
  const g2 = new Float32Array(FEATURE_COUNT).fill(1e-6);
  let bias = 0;
  let biasG2 = 1e-6;
  const positives = xs.filter((x) => x.y === 1).length;
  const posWeight = (xs.length - positives) / Math.max(1, positives);
  const rate = 0.2;
  const l2 = 1e-6;
  let order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    order = shuffle(random, order);
    let loss = 0;
    for (const i of order) {
      const { f, y } = xs[i];
      if (f.length === 0) continue;
      const norm = 1 / Math.sqrt(f.length);
      let z = bias;
      for (const b of f) z += w[b] * norm;
      const p = 1 / (1 + Math.exp(-z));
      const weight = y === 1 ? posWeight : 1;
      loss += -weight * (y === 1 ? Math.log(p + 1e-9) : Math.log(1 - p + 1e-9));
      const g = (p - y) * weight;
      for (const b of f) {
        const gb = g * norm + l2 * w[b];
        g2[b] += gb * gb;
        w[b] -= (rate * gb) / Math.sqrt(g2[b]);
      }
      biasG2 += g * g;
      bias -= (rate * g) / Math.sqrt(biasG2);
    }
    log(`  epoch ${epoch + 1}: loss ${(loss / xs.length).toFixed(4)}`);
  }
  return { w, bias };
}

/** One signed byte per weight: the model ships as 256 KiB. */
function quantize({ w, bias }) {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max / 127;
  const weights = new Int8Array(FEATURE_COUNT);
  for (let i = 0; i < FEATURE_COUNT; i++) weights[i] = Math.round(w[i] / scale);
  return { weights, scale, bias };
}

function log(line) {
  console.error(line);
}

const epochs = Number(args.epochs);
let model;
for (const round of [1, 2]) {
  const xs = examples(train, model);
  log(`round ${round}: ${xs.length} examples (${xs.filter((x) => x.y === 1).length} positive)`);
  model = quantize(fit(xs, epochs));
}

// Held-out figures: a document is flagged when its most suspicious stretch reaches the threshold.
const scored = test.map((d) => ({ d, z: scoreText(model, d.text, -Infinity, 1)[0]?.logit ?? -Infinity }));
const bySource = new Map();
for (const s of scored) {
  const list = bySource.get(s.d.source.replace(/:.*/, "")) ?? [];
  list.push(s);
  bySource.set(s.d.source.replace(/:.*/, ""), list);
}
for (const threshold of [0, 1, 2, 3, 4]) {
  const tp = scored.filter((s) => s.d.label === 1 && s.z >= threshold).length;
  const fp = scored.filter((s) => s.d.label === 0 && s.z >= threshold).length;
  const pos = scored.filter((s) => s.d.label === 1).length;
  const parts = [...bySource].map(([src, list]) => `${src} ${list.filter((s) => s.z >= threshold).length}/${list.length}`).join("; ");
  log(`held out, logit >= ${threshold}: precision ${(tp / Math.max(1, tp + fp)).toFixed(3)} recall ${(tp / pos).toFixed(3)} (${parts})`);
}

// Each layer on the held-out split, as the scanner runs it (the model with its supports, the
// rules on the normalized text and decoded payloads, and both): a document counts when it is warned.
const layers = {
  rules: createInjectionScanner({ statistical: false }),
  model: createInjectionScanner({ rules: [], statistical: { ...defaultThresholds(), model } }),
  all: createInjectionScanner({ statistical: { ...defaultThresholds(), model } }),
};
const table = new Map();
for (const d of test) {
  const source = d.source.replace(/:.*/, "");
  const row = table.get(source) ?? { label: d.label, n: 0, rules: 0, model: 0, all: 0 };
  row.n++;
  for (const [name, scanner] of Object.entries(layers))
    if (scanner.scan([{ kind: "tool_output", toolName: "Read", text: d.text }]).verdict === "warned") row[name]++;
  table.set(source, row);
}
log("held out, warned by each layer (rules / model and structural signals / both):");
for (const [source, row] of table)
  log(
    `  ${row.label === 1 ? "attack" : "benign"}  ${source.padEnd(28)} n ${String(row.n).padStart(5)}   ${row.rules} / ${row.model} / ${row.all}`,
  );

if (!args["dry-run"]) {
  const bytes = encodeModel(model);
  fs.writeFileSync(out, bytes);
  log(`wrote ${path.relative(root, out)} (${(bytes.length / 1024).toFixed(0)} KiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
