/** One finding of `warden doctor`: what was checked, whether it is fine, and how to fix it if not. */
export interface DoctorCheck {
  readonly name: string;
  readonly ok: boolean;
  /** What was found, in plain words. */
  readonly detail: string;
  /** The command (or the one step) that fixes it; set on every failing check. */
  readonly fix?: string;
}

/** `warden install --project /path/to/app --uninstall`, the directory quoted for the shell when needed. */
export function installCommand(scope: "project" | "user", project: string, ...flags: string[]): string {
  const target = scope === "project" ? `--project ${shellWord(project)}` : "--user";
  return ["warden install", target, ...flags].join(" ");
}

export function shellWord(word: string): string {
  return /^[\w./~:@%+=,-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
