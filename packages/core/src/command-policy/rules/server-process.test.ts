import { describe, expect, it } from "vitest";
import { analyzeCommand } from "../shell/analyze-command.js";
import { TABLE_CONTEXT } from "../dangerous-commands.fixture.js";
import { grepPattern, picksServer, processPatterns } from "./server-process.js";

const first = (command: string) => {
  const cmd = analyzeCommand(command, TABLE_CONTEXT).commands[0];
  if (cmd == null) throw new Error(`no command in ${command}`);
  return cmd;
};
const picks = (command: string): boolean => processPatterns(first(command)).some(picksServer);

describe("process patterns that pick the resident server", () => {
  it.each([
    "pgrep node",
    "pgrep -f server.mjs",
    "pgrep -f WARDEN -i",
    "pgrep -x node",
    "pkill -f '[s]erver\\.mjs'",
    "pkill --full warden",
    "pkill -f '^node'",
    "pkill -f '^/usr/bin/node'",
    "pkill -USR1 -f server.mjs",
    "killall node",
    "killall -r '^no'",
    "killall -I NODE",
    "pidof node",
  ])("%s picks it", (command) => {
    expect(picks(command)).toBe(true);
  });

  it.each([
    "pgrep -f vite",
    "pgrep -x nod",
    "pgrep server.mjs",
    "pkill -f 'node server.js'",
    "killall nod",
    "killall -I VITE",
    "pidof python3",
    "pkill -u dev",
    "pkill -f 'server('",
  ])("%s does not", (command) => {
    expect(picks(command)).toBe(false);
  });
});

describe("grep over ps output", () => {
  it.each([
    ["grep server.mjs", true],
    ["grep -F hooks/server.mjs", true],
    ["grep -e warden", true],
    ["grep -i WARDEN", true],
    ["grep -v server.mjs", false],
    ["grep -F 'server.m*'", false],
    ["grep vite", false],
  ])("%s keeps the server's line: %s", (command, expected) => {
    const pattern = grepPattern(first(command));
    expect(pattern != null && picksServer(pattern)).toBe(expected);
  });
});
