import { createRequire } from "node:module";
import { REPORT_SCRIPT } from "./report-script.js";

/**
 * The report's Content-Security-Policy: nothing may be fetched (no network, no frames, no forms)
 * and the only script that may run is the report's own, named by its hash. Escaping is the first
 * defence against session text turning into markup; this is the second.
 */
let cached: string | null = null;

export function contentSecurityPolicy(): string {
  cached ??= policyForScript(REPORT_SCRIPT);
  return cached;
}

/** The same policy for a page whose one script is `script` (the index page's). */
export function policyForScript(script: string): string {
  // node:crypto (and a require to load it) on the first render only: every hook process imports core.
  const { createHash }: typeof import("node:crypto") = createRequire(import.meta.url)("node:crypto");
  const scriptHash = createHash("sha256").update(script, "utf8").digest("base64");
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
