import path from "node:path";
import { SeverityNumber } from "@opentelemetry/api";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { LoggerProvider, type LogRecordProcessor, type ReadableLogRecord } from "@opentelemetry/sdk-logs";
import {
  advanceCursor,
  EXPORTED_OTEL_FOLDER,
  readShipCursor,
  SessionSource,
  unsentBytes,
  writeShipCursor,
  type BatchLimits,
  type SessionStore,
} from "@warden/core";
import type { Identity } from "./record-rows.js";
import { otelLogRecords, type OtelLogRecord } from "./otel-records.js";

/** One OTLP request: well under a collector's default 20 MiB body limit even with 8 KiB tool inputs. */
export const OTEL_BATCH: BatchLimits = { maxRecords: 500, maxBytes: 2 * 1024 * 1024 };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The OTLP/HTTP logs URL the standard variables name, as the exporter itself resolves them;
 * undefined when neither is set (the exporter would fall back to localhost, which is no choice
 * a team made).
 */
export function otelLogsEndpoint(env: Env): string | undefined {
  const logs = env.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT?.trim();
  if (logs) return logs;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!base) return undefined;
  return `${base.replace(/\/+$/, "")}/v1/logs`;
}

export interface OtelExportResult {
  /** Log records the collector accepted in this run. */
  readonly exported: number;
  /** Sessions with records the collector has not confirmed; 0 after a complete export. */
  readonly pending_sessions: number;
  /** Why the export stopped early; null when it sent everything. */
  readonly error: string | null;
}

export interface OtelExportOptions {
  readonly store: SessionStore;
  readonly identity: Identity;
  /** From otelLogsEndpoint: names the cursors' destination, so another collector gets everything. */
  readonly endpoint: string;
  readonly batch?: BatchLimits;
  /** How long one request may take, retries included; $OTEL_EXPORTER_OTLP_TIMEOUT (else 10 s) when absent. */
  readonly timeoutMillis?: number;
}

/** What the exporter reports as success (ExportResultCode.SUCCESS in @opentelemetry/core). */
const EXPORT_SUCCESS = 0;

/**
 * Exports the tool decisions and flagged prompts the collector has not confirmed, session by
 * session, one OTLP request per batch; a session's cursor moves only after the exporter reports
 * success for its batch. A resend carries the same `warden.record_key`s, so a collector (or the
 * backend behind it) can drop it: delivery is at least once.
 */
export async function exportOtelLogs(options: OtelExportOptions): Promise<OtelExportResult> {
  // Headers and the timeout come from the standard variables, read by the exporter itself.
  const exporter = new OTLPLogExporter({
    url: options.endpoint,
    ...(options.timeoutMillis == null ? {} : { timeoutMillis: options.timeoutMillis }),
  });
  const emitted: ReadableLogRecord[] = [];
  const collector: LogRecordProcessor = {
    onEmit: (record) => void emitted.push(record),
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  const provider = new LoggerProvider({ resource: resourceFromAttributes({ "service.name": "warden" }), processors: [collector] });
  const logger = provider.getLogger("warden");
  const project = projectOf(options.store);
  let exported = 0;
  let error: string | null = null;
  try {
    for (const sessionId of options.store.listSessionIds()) {
      const source = SessionSource.open(options.store.paths, sessionId);
      if (source == null) continue;
      try {
        let cursor = readShipCursor(options.store.paths, sessionId, options.endpoint, EXPORTED_OTEL_FOLDER);
        while ((cursor?.offset ?? 0) < source.complete) {
          const offset = cursor?.offset ?? 0;
          const batch = source.readBatch(offset, options.batch ?? OTEL_BATCH);
          const { fresh, next } = advanceCursor(cursor, options.endpoint, batch, null);
          const logs = otelLogRecords(sessionId, fresh, options.identity, project);
          emitted.length = 0;
          for (const log of logs) logger.emit(toEmitted(log));
          if (emitted.length > 0) await send(exporter, emitted.splice(0), options.endpoint);
          exported += logs.length;
          cursor = next;
          writeShipCursor(options.store.paths, sessionId, cursor, EXPORTED_OTEL_FOLDER);
          if (batch.endOffset === offset) break;
        }
      } finally {
        source.close();
      }
    }
  } catch (caught) {
    // A collector that refuses one batch refuses the next alike: the rest wait for the next sync.
    error = caught instanceof Error ? caught.message : String(caught);
  } finally {
    await exporter.shutdown().catch(() => {});
    await provider.shutdown().catch(() => {});
  }
  return { exported, pending_sessions: pendingSessions(options), error };
}

function send(exporter: OTLPLogExporter, logs: ReadableLogRecord[], endpoint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    exporter.export(logs, (result) => {
      if (result.code === EXPORT_SUCCESS) resolve();
      else
        reject(
          new Error(
            `the OpenTelemetry collector at ${displayed(endpoint)} did not take the logs (${result.error?.message ?? "no reason given"}); they stay queued and go at the next sync`,
            { cause: result.error },
          ),
        );
    });
  });
}

const SEVERITY_NUMBER = { INFO: SeverityNumber.INFO, WARN: SeverityNumber.WARN, ERROR: SeverityNumber.ERROR } as const;

function toEmitted(log: OtelLogRecord) {
  return {
    eventName: log.eventName,
    timestamp: new Date(log.timestamp),
    severityNumber: SEVERITY_NUMBER[log.severity],
    severityText: log.severity,
    body: log.body,
    attributes: log.attributes,
  };
}

/** The project folder's name: every batch carries it, not only the one with the session's first record. */
function projectOf(store: SessionStore): string {
  return path.basename(path.dirname(store.paths.root));
}

function pendingSessions(options: OtelExportOptions): number {
  const { store, endpoint } = options;
  return store.listSessionIds().filter((id) => unsentBytes(store, id, EXPORTED_OTEL_FOLDER, endpoint) > 0).length;
}

/** The endpoint for messages, a password in it masked (the headers, which usually hold the key, are never shown). */
function displayed(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return endpoint;
  }
}
