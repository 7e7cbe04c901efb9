import fs from "node:fs";
import path from "node:path";

/**
 * HEAD's reflog (`<git dir>/logs/HEAD`): git appends a line each time HEAD moves, saying why
 * ("commit: …", "commit (amend): …", "checkout: …"). Reading what a tool call appended tells the
 * commits it made from a checkout, a pull or a reset, whatever the command looked like.
 */

export interface HeadMove {
  readonly from: string;
  readonly to: string;
  readonly message: string;
}

/** A commit a command made; `amendOf` is the commit it replaced when it was `commit --amend`. */
export interface MadeCommit {
  readonly commit: string;
  readonly amendOf: string | null;
}

const ZERO = /^0+$/;
const LINE = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64}) [^\t]*\t(.*)$/;
const COMMIT_MESSAGE = /^commit(?: \((initial|amend|merge)\))?: /;
/** A command appends a few lines; more than this since the call began is not one command's doing. */
const MAX_READ_BYTES = 1024 * 1024;

export function headLogPath(gitDir: string): string {
  return path.join(gitDir, "logs", "HEAD");
}

/** The reflog's size now: where to read from after the call. 0 when git keeps none (yet). */
export function headLogSize(gitDir: string): number {
  try {
    return fs.statSync(headLogPath(gitDir)).size;
  } catch {
    return 0;
  }
}

export function readHeadMoves(gitDir: string, fromByte: number): HeadMove[] {
  let fd: number;
  try {
    fd = fs.openSync(headLogPath(gitDir), "r");
  } catch {
    return [];
  }
  try {
    const size = fs.fstatSync(fd).size;
    // A reflog shorter than before was expired or rewritten: what was appended cannot be told apart.
    if (size <= fromByte || size - fromByte > MAX_READ_BYTES) return [];
    const buffer = Buffer.alloc(size - fromByte);
    fs.readSync(fd, buffer, 0, buffer.length, fromByte);
    return buffer
      .toString("utf8")
      .split("\n")
      .flatMap((line) => {
        const match = LINE.exec(line);
        return match == null ? [] : [{ from: match[1]!, to: match[2]!, message: match[3]! }];
      });
  } finally {
    fs.closeSync(fd);
  }
}

/** The commits among HEAD's moves (not checkouts, resets, merges by `git merge`, pulls or rebases). */
export function commitsMade(moves: readonly HeadMove[]): MadeCommit[] {
  return moves.flatMap((move) => {
    const kind = COMMIT_MESSAGE.exec(move.message);
    if (kind == null) return [];
    return [{ commit: move.to, amendOf: kind[1] === "amend" && !ZERO.test(move.from) ? move.from : null }];
  });
}
