import { describe, expect, it } from "vitest";
import { findSqlHazards } from "./sql-statements.js";

const hazards = (sql: string) => findSqlHazards(sql).map((f) => f.hazard);

describe("findSqlHazards", () => {
  it.each([
    ["DROP DATABASE app", "drop"],
    ["drop schema public cascade", "drop"],
    ["DROP TABLE IF EXISTS users", "drop"],
    ["DROP KEYSPACE app", "drop"],
    ["TRUNCATE users", "delete-all"],
    ["truncate table users restart identity", "delete-all"],
    ["DELETE FROM users", "delete-all"],
    ["DELETE users", "delete-all"],
    ["DELETE FROM users WHERE 1=1", "delete-all"],
    ["DELETE FROM users WHERE true RETURNING id", "delete-all"],
    ["DELETE FROM t USING (SELECT id FROM u WHERE u.x) s", "delete-all"],
    ["WITH old AS (SELECT id FROM t WHERE old) DELETE FROM t", "delete-all"],
    ["EXPLAIN ANALYZE DELETE FROM t", "delete-all"],
    ["UPDATE users SET admin = true", "update-all"],
    ["update users set name = 'x' -- WHERE id = 1", "update-all"],
  ])("reads %j as %s", (sql, hazard) => {
    expect(hazards(sql)).toEqual([hazard]);
  });

  it.each([
    "SELECT 1",
    "DELETE FROM users WHERE id = 1",
    "UPDATE users SET name = 'x' WHERE id = $1",
    "DROP INDEX users_email_idx",
    "DROP VIEW report",
    "DROP TEMPORARY TABLE scratch",
    "EXPLAIN DELETE FROM t",
    "INSERT INTO notes VALUES ('DROP TABLE users; TRUNCATE t')",
    'SELECT "DROP TABLE x" FROM t',
    "-- DROP DATABASE app\nSELECT 1",
    "/* TRUNCATE users; */ SELECT 1",
    "CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM t $$ LANGUAGE sql",
    "CREATE FUNCTION f() RETURNS void AS $body$ BEGIN; TRUNCATE t; END $body$ LANGUAGE plpgsql",
    "SELECT 'it''s; DROP TABLE x'",
  ])("finds nothing in %j", (sql) => {
    expect(hazards(sql)).toEqual([]);
  });

  it("reads every statement of a script", () => {
    expect(hazards("BEGIN;\nDELETE FROM a WHERE id = 1;\nTRUNCATE b;\nDROP TABLE c;\nCOMMIT;")).toEqual(["delete-all", "drop"]);
  });

  it("skips MySQL's # comment before a statement", () => {
    expect(hazards("# reset the data\nDROP DATABASE app;")).toEqual(["drop"]);
  });

  it("shows the statement it found, whitespace collapsed", () => {
    expect(findSqlHazards("SELECT 1;\n  DROP   TABLE\n users ;")[0]?.statement).toBe("DROP TABLE users");
  });
});
