import * as z from "zod/mini";
import { wardenConfigSchema } from "./warden-config.js";

/** The JSON Schema of `.claude/warden.json`, for editors; generated from the schema the hooks use. */
export function wardenConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(wardenConfigSchema(), { io: "input" }),
    title: "Warden configuration (.claude/warden.json, ~/.claude/warden.json)",
  };
}
