import { describe, expect, it } from "vitest";
import path from "node:path";
import { REPO_ROOT, runProcess } from "../support/hook-process.js";

describe("schemas/warden-config.schema.json", () => {
  it("is what the config schema the hooks use generates (the --check twin)", async () => {
    const result = await runProcess(
      process.execPath,
      [path.join(REPO_ROOT, "scripts/config-schema.mjs"), "--check"],
      "",
      { PATH: process.env.PATH ?? "" },
      REPO_ROOT,
    );
    expect([result.code, result.stderr]).toEqual([0, ""]);
  });
});
