import { describe, expect, it } from "vitest";
import { withoutSessions } from "./session-registry.js";

const start = (id: string) => JSON.stringify({ type: "start", session_id: id, started_at: "2026-12-01T10:00:00.000Z" });
const end = (id: string) => JSON.stringify({ type: "end", session_id: id, ended_at: "2026-12-01T11:00:00.000Z" });

describe("withoutSessions", () => {
  it("drops the start and end lines of the sessions named", () => {
    const text = `${start("a")}\n${start("b")}\n${end("a")}\n${end("b")}\n`;
    expect(withoutSessions(text, new Set(["a"]))).toEqual({ text: `${start("b")}\n${end("b")}\n`, removed: 2 });
  });

  it("keeps a line that is not a registry entry", () => {
    const text = `not json\n${start("a")}\n{"type":"other"}\n`;
    expect(withoutSessions(text, new Set(["a"])).text).toBe(`not json\n{"type":"other"}\n`);
  });

  it("recognises a line whose keys are in another order", () => {
    const text = `${JSON.stringify({ session_id: "a", type: "end", ended_at: "x", reason: "other", counts: {}, report_paths: [] })}\n`;
    expect(withoutSessions(text, new Set(["a"]))).toEqual({ text: "", removed: 1 });
  });
});
