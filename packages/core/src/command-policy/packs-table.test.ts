import { describe, expect, it } from "vitest";
import { createCommandPolicy } from "./create-command-policy.js";
import { bashCall, DECISION } from "./dangerous-commands.fixture.js";
import { PACK_DANGEROUS, PACK_LOOKALIKES } from "./packs.fixture.js";
import { RULE_PACKS } from "./rules/packs/pack-catalogue.js";

/** The SQL scripts the table's commands feed to database clients, and DNS change scripts, by absolute path. */
const FILES: Readonly<Record<string, string>> = {
  "/home/dev/project/drop.sql": "-- reset\nDROP DATABASE app;\n",
  "/home/dev/project/seed.sql": "INSERT INTO users (name) VALUES ('DROP TABLE users');\nSELECT 1;\n",
  "/home/dev/project/db/reset.sql": "BEGIN;\nTRUNCATE users;\nCOMMIT;\n",
  "/home/dev/project/dns/delete-www.json":
    '{"Changes": [{"Action": "DELETE", "ResourceRecordSet": {"Name": "www.example.com", "Type": "A"}}]}',
  "/home/dev/project/dns/upsert-www.json":
    '{"Changes": [{"Action": "UPSERT", "ResourceRecordSet": {"Name": "www.example.com", "Type": "A"}}]}',
  "/home/dev/project/dns/remove-www.txt": "server ns1.example.com\nzone example.com\nupdate delete www.example.com A\nsend\n",
  "/home/dev/project/dns/add-www.txt": "server ns1.example.com\nupdate add www.example.com 300 A 203.0.113.7\nsend\n",
};
const policy = createCommandPolicy({}, { readText: (abs) => FILES[abs] });
const bash = (command: string) => bashCall(command);
const PACK_RULES = RULE_PACKS.flatMap((pack) => pack.rules.map((rule) => rule.id));

describe("commands the packs stop", () => {
  it.each(PACK_DANGEROUS)("%j is %s by %s", (command, expected, rule) => {
    const result = policy.decide(bash(command));
    expect({ decision: result.decision, rules: result.findings.map((f) => f.rule) }).toEqual({
      decision: DECISION[expected],
      rules: expect.arrayContaining([rule]),
    });
  });
});

describe("look-alikes the packs let through", () => {
  it.each(PACK_LOOKALIKES)("%j is allowed (resembles %s)", (command) => {
    expect(policy.decide(bash(command))).toMatchObject({ decision: "allow", verdict: "allowed", findings: [] });
  });
});

describe("the packs' table", () => {
  it.each(PACK_RULES)("has a dangerous case and a look-alike for %s", (id) => {
    expect({
      positive: PACK_DANGEROUS.some(([, , rule]) => rule === id),
      negative: PACK_LOOKALIKES.some(([, resembles]) => resembles === id),
    }).toEqual({ positive: true, negative: true });
  });

  it("names only rules of the packs", () => {
    const named = [...PACK_DANGEROUS.map(([, , rule]) => rule), ...PACK_LOOKALIKES.map(([, rule]) => rule)];
    expect(named.filter((id) => !PACK_RULES.includes(id))).toEqual([]);
  });

  it.each(RULE_PACKS.map((pack) => [pack.id, pack.rules.map((r) => r.id)] as const))("names the rules of %s after it", (id, rules) => {
    expect(rules.filter((rule) => !rule.startsWith(`${id}.`))).toEqual([]);
  });
});
