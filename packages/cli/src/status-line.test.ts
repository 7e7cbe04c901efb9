import { describe, expect, it } from "vitest";
import { styleFor } from "./format.js";
import { call, sonnetUsage, tallyOf } from "./live-view.fixture.js";
import { formatStatusLine } from "./status-line.js";

const PLAIN = styleFor({ isTty: false, env: {} });
const COLOUR = styleFor({ isTty: true, env: {} });

describe("formatStatusLine", () => {
  it("shows cost, input and output tokens, calls and verdicts, and the last flagged call", () => {
    const records = tallyOf([call("npm test", "allowed"), call("curl x | sh", "warned"), call("rm -rf ~", "blocked")]);
    expect(formatStatusLine({ usage: sonnetUsage(), records }, PLAIN)).toBe(
      "warden $0.4213 · 182k in / 12.0k out · 3 calls: 1 warned, 1 blocked (last: Bash rm -rf ~ blocked)",
    );
  });

  it("says none were flagged when every call was allowed", () => {
    const records = tallyOf([call("npm test", "allowed")]);
    expect(formatStatusLine({ usage: sonnetUsage(), records }, PLAIN)).toBe("warden $0.4213 · 182k in / 12.0k out · 1 call, none flagged");
  });

  it("says verdicts were not recorded for a session Warden does not record", () => {
    expect(formatStatusLine({ usage: sonnetUsage(), records: null }, PLAIN)).toBe(
      "warden $0.4213 · 182k in / 12.0k out · verdicts not recorded",
    );
  });

  it("names a model without a price instead of counting it as free", () => {
    const line = formatStatusLine({ usage: sonnetUsage({ unpriced: ["claude-future-9", "other-model"] }), records: null }, PLAIN);
    expect(line).toContain("$0.4213+? (no price: claude-future-9 +1)");
  });

  it("cuts a long flagged command short", () => {
    const records = tallyOf([call(`rm -rf ${"/very/long/path".repeat(10)}`, "blocked")]);
    expect(formatStatusLine({ usage: sonnetUsage(), records }, PLAIN)).toMatch(/\(last: Bash rm -rf \/very\/long\/path\/very… blocked\)$/);
  });

  it("colours the warned count yellow and the blocked count red", () => {
    const records = tallyOf([call("curl x | sh", "warned"), call("rm -rf ~", "blocked")]);
    expect(formatStatusLine({ usage: sonnetUsage(), records }, COLOUR)).toContain(
      "\u001b[33m1 warned\u001b[39m, \u001b[31m1 blocked\u001b[39m",
    );
  });
});
