import { createCommandPolicy } from "./src/command-policy/create-command-policy.ts";
import { bashCall } from "./src/command-policy/dangerous-commands.fixture.ts";
const policy = createCommandPolicy({}, { readText: () => undefined, readStatus: () => ({ known: false, why: "x" }) });
const cases = process.argv.slice(2).length ? process.argv.slice(2) : (await import("node:fs")).readFileSync("/tmp/probe.txt", "utf8").split("\n").filter(Boolean);
for (const c of cases) { const d = policy.decide(bashCall(c)); console.log(d.decision.padEnd(6), d.findings.map((f) => f.rule).join(",").padEnd(28), c); }
