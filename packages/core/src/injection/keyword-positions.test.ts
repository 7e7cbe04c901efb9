import { describe, expect, it } from "vitest";
import { groupPositions, idLists } from "./keyword-positions.js";

const grouped = (size: number, found: number[], ids: number[][], pairs: number[] = []): number[][] =>
  groupPositions(size, Int32Array.from(found), idLists(ids), pairs).map((list) => [...list]);

describe("groupPositions", () => {
  it("gives each id the positions of the literals standing for it, sorted, once each", () => {
    // Literal 0 stands for ids 0 and 1, literal 1 for id 1; reported as they end, so out of order.
    const found = [0, 10, 1, 4, 0, 4, 1, 30, 0, 12];
    expect(grouped(3, found, [[0, 1], [1]])).toEqual([[4, 10, 12], [4, 10, 12, 30], []]);
  });

  it("adds (id, position) pairs", () => {
    expect(grouped(2, [0, 7], [[1]], [0, 3, 1, 2, 1, 7])).toEqual([[3], [2, 7]]);
  });

  it("sorts a list far out of order", () => {
    const found = Array.from({ length: 200 }, (_, i) => [0, 1000 - i]).flat();
    expect(grouped(1, found, [[0]])).toEqual([Array.from({ length: 200 }, (_, i) => 801 + i)]);
  });
});
