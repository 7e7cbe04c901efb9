import { describe, expect, it } from "vitest";
import type { ResponseUsage } from "./transcript-state.js";
import { addResponse, emptyTokenCounts, recordResponse, responseKey, summarizeUsage } from "./usage-ledger.js";

function response(overrides: Partial<ResponseUsage> = {}): ResponseUsage {
  return {
    model: "claude-sonnet-4-5-20250929",
    agent_id: null,
    fast: false,
    input_tokens: 10,
    output_tokens: 100,
    cache_creation_tokens: 0,
    cache_1h_tokens: 0,
    cache_read_tokens: 0,
    web_search_requests: 0,
    ...overrides,
  };
}

describe("responseKey", () => {
  it.each([
    ["msg_1", "req_1", "msg_1:req_1"],
    ["msg_1", undefined, "msg_1"],
    ["msg_1", null, "msg_1"],
    ["msg_1", "", "msg_1"],
    [undefined, "req_1", null],
    ["", "req_1", null],
  ])("keys message %j with request %j as %j", (messageId, requestId, key) => {
    expect(responseKey(messageId, requestId)).toBe(key);
  });
});

describe("recordResponse", () => {
  it("keeps the largest count a response's lines showed", () => {
    const responses: Record<string, ResponseUsage> = {};
    recordResponse(responses, "msg_1:req_1", response({ output_tokens: 40 }));
    recordResponse(responses, "msg_1:req_1", response({ output_tokens: 120 }));
    recordResponse(responses, "msg_1:req_1", response({ output_tokens: 80 }));
    expect(responses["msg_1:req_1"]?.output_tokens).toBe(120);
  });

  it("takes the model of the latest line", () => {
    const responses: Record<string, ResponseUsage> = {};
    recordResponse(responses, "msg_1", response({ model: "claude-opus-4-6" }));
    recordResponse(responses, "msg_1", response({ model: "claude-opus-4-7" }));
    expect(responses["msg_1"]?.model).toBe("claude-opus-4-7");
  });
});

describe("addResponse", () => {
  it("splits cache writes into 1-hour and 5-minute shares", () => {
    const counts = emptyTokenCounts();
    addResponse(counts, response({ cache_creation_tokens: 500, cache_1h_tokens: 120 }));
    expect([counts.cache_write_5m_tokens, counts.cache_write_1h_tokens]).toEqual([380, 120]);
  });

  it("caps the 1-hour share at the cache writes, as Claude Code bills it", () => {
    const counts = emptyTokenCounts();
    addResponse(counts, response({ cache_creation_tokens: 100, cache_1h_tokens: 250 }));
    expect([counts.cache_write_5m_tokens, counts.cache_write_1h_tokens]).toEqual([0, 100]);
  });
});

describe("summarizeUsage", () => {
  it("sums responses per model and overall", () => {
    const totals = summarizeUsage({
      a: response({ model: "claude-opus-4-8", input_tokens: 5 }),
      b: response({ model: "claude-haiku-4-5", input_tokens: 7 }),
      c: response({ model: "claude-opus-4-8", input_tokens: 11 }),
    });
    expect([
      totals.by_model["claude-opus-4-8"]?.input_tokens,
      totals.by_model["claude-haiku-4-5"]?.input_tokens,
      totals.total.input_tokens,
    ]).toEqual([16, 7, 23]);
  });

  it("keeps the fast-mode share of a model apart", () => {
    const totals = summarizeUsage({ a: response({ output_tokens: 30, fast: true }), b: response({ output_tokens: 50 }) });
    expect(totals.by_model["claude-sonnet-4-5-20250929"]).toMatchObject({
      output_tokens: 80,
      fast_mode: { output_tokens: 30, responses: 1 },
    });
  });
});
