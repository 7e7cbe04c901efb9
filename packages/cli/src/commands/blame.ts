import fs from "node:fs";
import path from "node:path";
import { blameFile, findRepository, GitCommandError, type BlamedLine } from "@warden/core";
import { CliFailure, CliUsageError, type CliIo } from "../cli-io.js";
import { defineCommand } from "../define-command.js";
import { EXIT } from "../exit-status.js";
import { formatTable, oneLine, toJson } from "../format.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { localSessions } from "../local-sessions.js";

export const BLAME = defineCommand({
  name: "blame",
  synopsis: "FILE",
  summary: "each line of a file with who wrote it: ai, human, mixed or unknown, and for AI lines the session, model and prompt",
  details: `reads git blame and the Warden notes on the commits (refs/notes/warden); lines not committed yet
are judged from what the model last wrote; --json prints an array of {line, origin, commit, session_id,
model, tool_name, prompt_id, prompt, text}`,
  maxPositionals: 1,
  options: {
    ...DATA_OPTIONS,
    rev: { type: "string", value: "REV", help: "blame the file as this commit holds it (default: the working tree)" },
  },
  run: ({ values, positionals }, io) => {
    const given = positionals[0];
    if (given == null || given === "") throw new CliUsageError("give the file to blame: warden blame src/app.ts");
    const file = path.resolve(io.cwd, given);
    if (values.rev == null && !fs.existsSync(file)) throw new CliFailure(`${given}: no such file (${file})`);
    const repo = findRepository(path.dirname(file));
    if (repo == null) throw new CliFailure(`${given} is not in a git repository: provenance is read from git`);
    const dir = dirArg(values.dir, io);
    const lookup = { ...io, cwd: dataLookupCwd(io.cwd, repo.root) };
    const local = localSessions(dir, lookup);
    const lines = withGit(() =>
      blameFile(repo.root, file, {
        ...(values.rev == null ? {} : { rev: values.rev }),
        wardenRoot: local.root ?? path.join(repo.root, ".warden"),
        promptOf: local.promptOf,
      }),
    );
    io.out(values.json ? toJson(lines) : formatBlame(lines));
    return EXIT.yes;
  },
});

/**
 * Where this machine's records of a repository are looked for from: the cwd when it is in the
 * repository (Claude Code may run in one of its folders, as in a monorepo, and keep .warden
 * there), else the repository's root.
 */
export function dataLookupCwd(cwd: string, root: string): string {
  const inside = path.relative(root, path.resolve(cwd));
  return inside === ".." || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside) ? root : path.resolve(cwd);
}

/** --dir as the user meant it: from the cwd, whatever folder the data is then looked for from. */
export function dirArg(dir: string | undefined, io: Pick<CliIo, "cwd">): string | undefined {
  return dir == null || dir === "" ? dir : path.resolve(io.cwd, dir);
}

/** git's own complaint (an untracked file, an unknown revision) is the user's to fix: exit 3 with its words. */
export function withGit<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof GitCommandError) throw new CliFailure(error.message);
    throw error;
  }
}

function formatBlame(lines: readonly BlamedLine[]): string {
  const rows = lines.map((l) => [
    String(l.line),
    l.origin,
    l.commit == null ? "(uncommitted)" : l.commit.slice(0, 8),
    l.session_id == null ? "" : l.session_id.slice(0, 8),
    l.model ?? "",
    oneLine(l.text, 120),
  ]);
  const counts = { ai: 0, mixed: 0, human: 0, unknown: 0 };
  for (const l of lines) counts[l.origin]++;
  return [
    ...formatTable(["line", "origin", "commit", "session", "model", "text"], rows, ["right"]),
    "",
    `${lines.length} lines: ${counts.ai} ai, ${counts.mixed} mixed, ${counts.human} human, ${counts.unknown} unknown`,
  ].join("\n");
}
