import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "./database-url.js";

describe("parseDatabaseUrl", () => {
  it("shows a URL with its password masked", () => {
    expect(parseDatabaseUrl("postgres://ada:s3cret@db.example:5432/warden", "WARDEN_DATABASE_URL").display).toBe(
      "postgres://ada:***@db.example:5432/warden",
    );
  });

  it("accepts the postgresql: scheme too", () => {
    expect(parseDatabaseUrl("postgresql://db/warden", "X").display).toBe("postgresql://db/warden");
  });

  it("refuses text that is not a URL, naming where it was set and the expected form", () => {
    expect(() => parseDatabaseUrl("db.example:5432", "WARDEN_DATABASE_URL")).toThrow(
      /WARDEN_DATABASE_URL has the scheme "db.example"; expected postgres:\/\/USER:PASSWORD@HOST:PORT\/DATABASE/,
    );
    expect(() => parseDatabaseUrl("not a url", "WARDEN_DATABASE_URL")).toThrow(/WARDEN_DATABASE_URL is not a URL/);
  });

  it("refuses another scheme", () => {
    expect(() => parseDatabaseUrl("http://db/warden", "WARDEN_DATABASE_URL")).toThrow(/the scheme "http"/);
  });

  it("never puts the password in an error", () => {
    expect(() => parseDatabaseUrl("mysql://ada:s3cret@db/warden", "WARDEN_DATABASE_URL")).toThrow(expect.not.stringContaining("s3cret"));
  });
});
