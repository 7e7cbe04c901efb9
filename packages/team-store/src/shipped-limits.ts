/**
 * Caps on what one row carries to the team store. The local record keeps the whole value (up to
 * its own limit); the team store gets enough to read what happened, not every tool output whole.
 */
export const SHIPPED_LIMITS = {
  /** Each string inside a tool's input. */
  inputStringBytes: 8 * 1024,
  /** The start of a tool's output. */
  outputPreviewChars: 2 * 1024,
  promptChars: 4 * 1024,
  messageChars: 1024,
  excerptChars: 512,
  /** A commit's subject line. */
  subjectChars: 1024,
  /** Files listed with a commit (its line counts cover every file). */
  commitFiles: 1000,
} as const;

export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
