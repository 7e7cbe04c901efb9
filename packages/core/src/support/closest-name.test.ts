import { describe, expect, it } from "vitest";
import { closestName } from "./closest-name.js";

describe("closestName", () => {
  it.each([
    ["fail_mdoe", "fail_mode"],
    ["redcat", "redact"],
    ["max_value_byte", "max_value_bytes"],
    ["Injection", "injection"],
  ])("takes %s for %s", (name, meant) => {
    expect(closestName(name, ["fail_mode", "redact", "max_value_bytes", "injection"])).toBe(meant);
  });

  it("suggests nothing when no name is close", () => {
    expect(closestName("colour", ["fail_mode", "redact"])).toBeUndefined();
  });
});
