import { describe, expect, it } from "vitest";
import { otelLogsEndpoint } from "./otel-export.js";

describe("otelLogsEndpoint", () => {
  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }, "http://collector:4318/v1/logs"],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" }, "http://collector:4318/v1/logs"],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://a:4318", OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: "http://b:4318/logs" }, "http://b:4318/logs"],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "  " }, undefined],
    [{}, undefined],
  ])("%j gives %s", (env, expected) => {
    expect(otelLogsEndpoint(env)).toBe(expected);
  });
});
