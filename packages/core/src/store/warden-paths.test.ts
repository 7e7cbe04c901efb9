import { describe, expect, it } from "vitest";
import { isInsideRoot, isSafeSessionId, pendingDirOf, sessionLogPath, UnsafeSessionIdError, wardenPaths } from "./warden-paths.js";

const paths = wardenPaths("/p/.warden");

describe("session ids as file names", () => {
  it.each(["5e1f0c2a-9b7d-4e3a-8c21-7f6d5b4a3c2e", "s1", "a.b_c-d"])("accepts the plain id %j", (id) => {
    expect(isSafeSessionId(id)).toBe(true);
  });

  it.each(["..", ".", "", "a/b", "../x", "a..b", ".hidden", "a\\b", "x".repeat(201)])("refuses %j", (id) => {
    expect(isSafeSessionId(id)).toBe(false);
  });

  it("never builds a path from an unsafe id", () => {
    expect(() => pendingDirOf(paths, "..")).toThrow(UnsafeSessionIdError);
  });

  it("builds the session file inside the sessions folder", () => {
    expect(sessionLogPath(paths, "s1")).toBe("/p/.warden/sessions/s1.jsonl");
  });
});

describe("isInsideRoot", () => {
  it.each([
    ["/p/.warden/sessions/s1.jsonl", true],
    ["/p/.warden", false],
    ["/p", false],
    ["/p/.warden/../other", false],
    ["/p/.wardenX/file", false],
  ])("%s is inside /p/.warden: %s", (file, inside) => {
    expect(isInsideRoot("/p/.warden", file)).toBe(inside);
  });
});
