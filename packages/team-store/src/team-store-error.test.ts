import { describe, expect, it } from "vitest";
import { describeDatabaseError } from "./team-store-error.js";

const failure = (code: string, message = "boom") => Object.assign(new Error(message), { code });
const where = "postgres://ada:***@db:5432/warden";

describe("describeDatabaseError", () => {
  it.each([
    ["ECONNREFUSED", "unreachable", /nothing accepts connections there/],
    ["ENOTFOUND", "unreachable", /host name does not resolve/],
    ["CONNECT_TIMEOUT", "unreachable", /no answer/],
    ["28P01", "auth", /refused the login/],
    ["3D000", "database", /create it, or fix the database name/],
    ["42501", "database", /needs CREATE/],
    ["57P01", "lost", /went away during the sync/],
    ["CONNECTION_CLOSED", "lost", /stays queued/],
    ["23502", "query", /23502: boom/],
  ])("names %s as %s, with what to do", (code, kind, words) => {
    const error = describeDatabaseError(failure(code), where);
    expect([error.kind, error.message]).toEqual([kind, expect.stringMatching(words)]);
  });

  it("names the store it failed on, password masked", () => {
    expect(describeDatabaseError(failure("ECONNREFUSED"), where).message).toContain(where);
  });
});
