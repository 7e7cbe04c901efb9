import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PriceFileError, readUserPrices } from "./user-price-file.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warden-prices-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const PRICES = { input: 4, output: 20, cache_write_5m: 5, cache_write_1h: 8, cache_read: 0.4, web_search_per_request: 0.01 };
const ROW = { id: "claude-next", match: "^claude-next", prices: PRICES };

function write(value: unknown): string {
  const file = path.join(dir, "prices.json");
  fs.writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

describe("readUserPrices", () => {
  it("reads the rows as user rows, with the file's source and date", () => {
    const prices = readUserPrices(write({ source: "our agreement", retrieved: "2026-12-01", models: [ROW] }), "WARDEN_PRICES");
    expect([prices.source, prices.retrieved, prices.models[0]]).toEqual([
      "our agreement",
      "2026-12-01",
      expect.objectContaining({ id: "claude-next", source: "user", retrieved: "2026-12-01", prices: PRICES }),
    ]);
  });

  it("dates rows without `retrieved` by the file's last change", () => {
    const file = write({ models: [ROW] });
    fs.utimesSync(file, new Date("2026-10-02T12:00:00Z"), new Date("2026-10-02T12:00:00Z"));
    expect(readUserPrices(file, "WARDEN_PRICES").retrieved).toBe("2026-10-02");
  });

  it.each([
    [
      "a missing price, naming the field",
      { models: [{ ...ROW, prices: { ...PRICES, cache_read: undefined } }] },
      "models[0].prices.cache_read: missing",
    ],
    [
      "a misspelt key, with the likely one",
      { models: [{ ...ROW, fastmode: PRICES }] },
      'unknown key "fastmode" (did you mean "fast_mode"?)',
    ],
    ["a negative price", { models: [{ ...ROW, prices: { ...PRICES, output: -1 } }] }, "models[0].prices.output: -1 is too small"],
    ["more than 6 decimals", { models: [{ ...ROW, prices: { ...PRICES, input: 0.0000001 } }] }, "at most 6 decimal places"],
    ["an invalid pattern", { models: [{ ...ROW, match: "claude-(" }] }, "a valid JavaScript regular expression"],
    ["a duplicate id", { models: [ROW, ROW] }, "model ids must be unique"],
    ["no rows", { models: [] }, "models: [] is too small"],
    ["a date that is not ISO", { retrieved: "01/12/2026", models: [ROW] }, "retrieved"],
  ])("refuses %s", (_name, value, message) => {
    const file = write(value);
    expect(() => readUserPrices(file, "WARDEN_PRICES")).toThrow(
      expect.objectContaining({ name: "PriceFileError", message: expect.stringContaining(message) }),
    );
  });

  it("names the file and how it was found in every refusal", () => {
    const file = write({ models: [{ ...ROW, prices: { input: 1 } }] });
    expect(() => readUserPrices(file, "pricing.file of /p/.claude/warden.json")).toThrow(
      `price file ${file} (pricing.file of /p/.claude/warden.json) is invalid: models[0].prices.output: missing`,
    );
  });

  it("refuses a file that is not JSON", () => {
    expect(() => readUserPrices(write("{ models: "), "WARDEN_PRICES")).toThrow(/is not valid JSON/);
  });

  it("refuses a file that does not exist", () => {
    expect(() => readUserPrices(path.join(dir, "nowhere.json"), "WARDEN_PRICES")).toThrow(PriceFileError);
  });
});
