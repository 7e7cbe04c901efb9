import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A temp root holding a hermetic HOME and a project directory, removed by `cleanup`. */
export interface TempWorld {
  readonly root: string;
  readonly home: string;
  readonly projectDir: string;
  /** A path under the root (for logs, sentinels, …). */
  file(...parts: string[]): string;
  cleanup(): void;
}

export function createTempWorld(prefix = "warden-e2e-"): TempWorld {
  // realpath: Claude Code names transcript folders after the resolved cwd (macOS /var → /private/var).
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const home = path.join(root, "home");
  const projectDir = path.join(root, "project");
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(projectDir, { recursive: true });
  return {
    root,
    home,
    projectDir,
    file: (...parts) => path.join(root, ...parts),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
