import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wardenPaths, type WardenPaths } from "../store/warden-paths.js";
import { readShipCursor, shipCursorPath, writeShipCursor, type ShipCursor } from "./ship-cursor.js";

let paths: WardenPaths;
beforeEach(() => {
  paths = wardenPaths(fs.mkdtempSync(path.join(os.tmpdir(), "warden-cursor-")));
});
afterEach(() => fs.rmSync(paths.root, { recursive: true, force: true }));

const cursor: ShipCursor = { store_id: "store-1", last_id: 7, offset: 1234, report_mtime_ms: null, shipped_at: "2026-12-04T10:00:00.000Z" };

describe("ship cursors", () => {
  it("reads back what was written for the same store", () => {
    writeShipCursor(paths, "s1", cursor);
    expect(readShipCursor(paths, "s1", "store-1")).toEqual(cursor);
  });

  it("counts for nothing in another store (a new or recreated database gets everything)", () => {
    writeShipCursor(paths, "s1", cursor);
    expect(readShipCursor(paths, "s1", "store-2")).toBeUndefined();
  });

  it("treats a damaged cursor as none, so the session ships again from its start", () => {
    writeShipCursor(paths, "s1", cursor);
    fs.writeFileSync(shipCursorPath(paths, "s1"), '{"store_id":"store-1","last_id":');
    expect(readShipCursor(paths, "s1", "store-1")).toBeUndefined();
  });

  it("is written private to the user", () => {
    writeShipCursor(paths, "s1", cursor);
    expect(fs.statSync(shipCursorPath(paths, "s1")).mode & 0o777).toBe(0o600);
  });
});
