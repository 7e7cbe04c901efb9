import fs from "node:fs";
import path from "node:path";
import { isString, tryParseJson } from "./json-guards.js";

/**
 * What Claude Code's `--debug` log (`<home>/.claude/debug/<session_id>.txt`) says about command
 * hooks. 2.1.197 logs each hook's combined output as a JSON-quoted message
 * `"Hook <name> (<Event>) <status>:\n<output>"`; it does not log SessionEnd hooks' output.
 */

export interface LoggedHookOutput {
  readonly event: string;
  /** `success` for exit 0. */
  readonly status: string;
  /** What the hook printed (stdout and stderr), lines as printed. */
  readonly output: string;
}

export function debugLogPath(home: string, sessionId: string): string {
  return path.join(home, ".claude", "debug", `${sessionId}.txt`);
}

/** The hook outputs of a session's debug log, in log order. */
export function hookOutputsInDebugLog(home: string, sessionId: string): LoggedHookOutput[] {
  return fs
    .readFileSync(debugLogPath(home, sessionId), "utf8")
    .split("\n")
    .flatMap((line) => {
      const quoted = /\] ("Hook .*")$/.exec(line)?.[1];
      const message = quoted == null ? undefined : tryParseJson(quoted);
      const match = isString(message) ? /^Hook \S+ \((\w+)\) (\w+):\n([\s\S]*)$/.exec(message) : null;
      return match == null ? [] : [{ event: match[1] ?? "", status: match[2] ?? "", output: match[3] ?? "" }];
    });
}
