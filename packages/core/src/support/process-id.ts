/** A process id given as text (an environment variable, a header): a plain positive integer, else null. */
export function parsePid(text: string | undefined): number | null {
  return text != null && /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : null;
}

/** Init (pid 1) is never the process meant: an orphan's parent, or nobody's. */
export const meaningfulPid = (pid: number | null): number | null => (pid != null && pid > 1 ? pid : null);
