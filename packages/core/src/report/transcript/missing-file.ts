/** True for the errors of a file or folder that does not exist (yet): Claude Code writes lazily. */
export function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}
