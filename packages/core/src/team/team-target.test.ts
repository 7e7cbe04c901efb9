import { describe, expect, it } from "vitest";
import { teamTarget } from "./team-target.js";

describe("teamTarget", () => {
  it("is off when neither WARDEN_DATABASE_URL nor the config names a store", () => {
    expect(teamTarget({}, {})).toBeUndefined();
  });

  it("takes WARDEN_DATABASE_URL over the config's URL, and says which it used", () => {
    const target = teamTarget({ WARDEN_DATABASE_URL: "postgres://env/db" }, { database_url: "postgres://file/db" });
    expect([target?.databaseUrl, target?.urlSource]).toEqual(["postgres://env/db", "WARDEN_DATABASE_URL"]);
  });

  it("treats an empty WARDEN_DATABASE_URL as unset", () => {
    expect(teamTarget({ WARDEN_DATABASE_URL: " " }, { database_url: "postgres://file/db" })?.urlSource).toBe("~/.claude/warden.json");
  });

  it("names the developer and machine as configured, else by login and host name", () => {
    const named = teamTarget({ WARDEN_DATABASE_URL: "postgres://h/db" }, { user: "ada", machine: "laptop-7" });
    const unnamed = teamTarget({ WARDEN_DATABASE_URL: "postgres://h/db" }, {});
    expect([named?.user, named?.machine, unnamed?.user.length !== 0, unnamed?.machine.length !== 0]).toEqual([
      "ada",
      "laptop-7",
      true,
      true,
    ]);
  });
});
