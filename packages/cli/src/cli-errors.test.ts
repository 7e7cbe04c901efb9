import { LockTimeoutError, OutsideDataDirError, UnsafeSessionIdError } from "@warden/core";
import { describe, expect, it } from "vitest";
import { CliFailure, CliUsageError } from "./cli-io.js";
import { classifyError } from "./cli-errors.js";

describe("classifyError", () => {
  it("maps a usage error to 2, without the usage some commands append", () => {
    expect(classifyError(new CliUsageError("--x is required\nusage: warden clean ..."))).toEqual({
      kind: "usage",
      code: 2,
      message: "--x is required",
    });
  });

  it("maps a failure to 3", () => {
    expect(classifyError(new CliFailure("no session matches"))).toEqual({ kind: "failure", code: 3, message: "no session matches" });
  });

  it("maps a failed file operation to 3 with node's message, which names the call and the path", () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: "EACCES", syscall: "open" });
    expect(classifyError(error)).toEqual({ kind: "failure", code: 3, message: "EACCES: permission denied, open '/x'" });
  });

  it.each([
    ["a lock held too long", new LockTimeoutError("the lock .warden/sessions/x.lock is held by pid 12 for 30 s")],
    ["an unsafe session id", new UnsafeSessionIdError('session id "../x" cannot name a file')],
    ["a path leading out of the data directory", new OutsideDataDirError(".warden/sessions is a link")],
  ])("maps %s to 3 with its own message, not as a bug", (_, error) => {
    expect(classifyError(error)).toEqual({ kind: "failure", code: 3, message: error.message });
  });

  it("calls anything else a bug, with its stack", () => {
    expect(classifyError(new TypeError("x is undefined"))).toMatchObject({
      kind: "bug",
      code: 3,
      stack: expect.stringContaining("TypeError"),
    });
  });
});
