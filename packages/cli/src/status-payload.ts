import * as z from "zod/mini";

/**
 * The part of Claude Code's status line input (2.1.197) that Warden uses. Claude Code writes one
 * JSON object on the command's stdin: the hook base fields (`session_id`, `transcript_path`, `cwd`)
 * then `model`, `workspace`, `version`, `output_style`, `cost`, `context_window` and more, all kept.
 */
const statusPayloadSchema = z.looseObject({
  session_id: z.string().check(z.minLength(1)),
  transcript_path: z.string().check(z.minLength(1)),
  cwd: z.optional(z.string()),
  workspace: z.optional(z.looseObject({ current_dir: z.optional(z.string()), project_dir: z.optional(z.string()) })),
});

export type StatusPayload = z.infer<typeof statusPayloadSchema>;

/** The payload; undefined for anything else (not JSON, or without a session and its transcript). */
export function parseStatusPayload(text: string): StatusPayload | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = statusPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
