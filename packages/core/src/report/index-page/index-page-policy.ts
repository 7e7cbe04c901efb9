import { loadBuiltin } from "../../support/lazy-builtin.js";
import { INDEX_SCRIPT } from "./index-page-script.js";

/**
 * The index page's Content-Security-Policy: the session report's (nothing fetched, no frames, no
 * forms) with its own script named by hash. node:crypto is loaded on use, as everywhere in core:
 * every hook process imports core and must not pay for it.
 */
export function indexPagePolicy(): string {
  const { createHash } = loadBuiltin<typeof import("node:crypto")>("node:crypto");
  const scriptHash = createHash("sha256").update(INDEX_SCRIPT, "utf8").digest("base64");
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
