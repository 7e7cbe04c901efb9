import { policyForScript } from "../render/content-security.js";
import { INDEX_SCRIPT } from "./index-page-script.js";

/** The index page's Content-Security-Policy: the session report's, with its own script named by hash. */
export function indexPagePolicy(): string {
  return policyForScript(INDEX_SCRIPT);
}
