import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRecord, recordsOf, stringField, tryParseJson, type JsonRecord } from "./support/json-guards.js";
import { startStandIn, type StandIn } from "./support/index.js";

/** The stand-in on its own, over plain fetch: the wire format Claude Code relies on. */

const TURN = {
  text: "Reading it.",
  toolUses: [{ name: "Read", input: { file_path: "/tmp/x.md", limit: 10 }, id: "toolu_01FixedIdForTheTest00" }],
};

async function postMessages(standIn: StandIn, body: JsonRecord): Promise<Response> {
  return fetch(`${standIn.url}/v1/messages?beta=true`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "claude-test-model",
      max_tokens: 100,
      messages: [{ role: "user", content: "hi" }],
      tools: [{ name: "Read" }],
      ...body,
    }),
  });
}

function parseSse(text: string): { event: string; data: JsonRecord }[] {
  return text
    .split("\n\n")
    .filter((chunk) => chunk.trim().length > 0)
    .map((chunk) => {
      const event = /^event: (.+)$/m.exec(chunk)?.[1] ?? "";
      const data = tryParseJson(/^data: (.+)$/m.exec(chunk)?.[1] ?? "");
      return { event, data: isRecord(data) ? data : {} };
    });
}

/** Rebuilds the final message from stream events, the way an SDK client accumulates them. */
function accumulate(events: readonly { event: string; data: JsonRecord }[]): JsonRecord {
  const start = events.find((e) => e.event === "message_start")?.data["message"];
  const delta = events.find((e) => e.event === "message_delta")?.data;
  const blocks: JsonRecord[] = [];
  const partialJson: string[] = [];
  for (const { event, data } of events) {
    const index = typeof data["index"] === "number" ? data["index"] : -1;
    const block = blocks[index] ?? {};
    const piece = isRecord(data["delta"]) ? data["delta"] : {};
    if (event === "content_block_start" && isRecord(data["content_block"])) {
      blocks[index] = { ...data["content_block"] };
      partialJson[index] = "";
    } else if (event === "content_block_delta" && piece["type"] === "text_delta") {
      blocks[index] = { ...block, text: `${String(block["text"])}${String(piece["text"])}` };
    } else if (event === "content_block_delta" && piece["type"] === "input_json_delta") {
      partialJson[index] = `${partialJson[index] ?? ""}${String(piece["partial_json"])}`;
    } else if (event === "content_block_stop" && block["type"] === "tool_use") {
      blocks[index] = { ...block, input: tryParseJson(partialJson[index] ?? "") };
    }
  }
  const message = isRecord(start) ? start : {};
  const deltaFields = isRecord(delta?.["delta"]) ? delta["delta"] : {};
  const usage = { ...(isRecord(message["usage"]) ? message["usage"] : {}), ...(isRecord(delta?.["usage"]) ? delta["usage"] : {}) };
  return { ...message, ...deltaFields, content: blocks, usage };
}

describe("the stand-in API over the wire", () => {
  let standIn: StandIn;

  beforeAll(async () => {
    standIn = await startStandIn(() => TURN);
  });

  afterAll(async () => {
    await standIn.close();
  });

  it("answers a non-streaming request with the whole message and a req_ request-id header", async () => {
    const response = await postMessages(standIn, { stream: false });
    const body = tryParseJson(await response.text());
    const exchange = standIn.exchanges.at(-1);
    expect({
      status: response.status,
      requestId: response.headers.get("request-id"),
      body,
    }).toEqual({ status: 200, requestId: exchange?.requestId, body: JSON.parse(JSON.stringify(exchange?.response)) });
  });

  it("shapes ids and echoes the requested model", async () => {
    const body = tryParseJson(await (await postMessages(standIn, { stream: false })).text());
    const record = isRecord(body) ? body : {};
    expect([
      /^msg_01[0-9A-Za-z]{22}$/.test(stringField(record, "id") ?? ""),
      /^req_01[0-9A-Za-z]{22}$/.test(standIn.exchanges.at(-1)?.requestId ?? ""),
      record["model"],
      recordsOf(record["content"]).map((block) => block["type"]),
      record["stop_reason"],
    ]).toEqual([true, true, "claude-test-model", ["text", "tool_use"], "tool_use"]);
  });

  it("streams the Anthropic event sequence", async () => {
    const events = parseSse(await (await postMessages(standIn, { stream: true })).text()).map((e) => e.event);
    expect([events.slice(0, 2), events.slice(-2), events.filter((e) => e === "content_block_start").length]).toEqual([
      ["message_start", "ping"],
      ["message_delta", "message_stop"],
      2,
    ]);
  });

  it("streams deltas that add up to the same message as the JSON answer", async () => {
    const response = await postMessages(standIn, { stream: true });
    const rebuilt = accumulate(parseSse(await response.text()));
    expect([response.headers.get("content-type"), rebuilt]).toEqual([
      "text/event-stream; charset=utf-8",
      JSON.parse(JSON.stringify(standIn.exchanges.at(-1)?.response)),
    ]);
  });

  it("gives every response different usage numbers", async () => {
    for (const stream of [false, true, false]) await (await postMessages(standIn, { stream })).text();
    const usages = standIn.exchanges.map((exchange) => ("usage" in exchange.response ? exchange.response.usage : undefined));
    const keys = ["input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens"] as const;
    expect(keys.map((key) => new Set(usages.map((usage) => usage?.[key])).size)).toEqual(keys.map(() => standIn.exchanges.length));
  });

  it("answers count_tokens and records requests it has no route for", async () => {
    const counted = await fetch(`${standIn.url}/v1/messages/count_tokens`, { method: "POST", body: JSON.stringify({ messages: [] }) });
    const unknown = await fetch(`${standIn.url}/v1/unknown`);
    expect([counted.status, unknown.status, standIn.requests.at(-1)?.url]).toEqual([200, 404, "/v1/unknown"]);
  });
});
