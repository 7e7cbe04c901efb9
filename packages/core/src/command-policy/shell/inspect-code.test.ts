import { describe, expect, it } from "vitest";
import { inspectCode, type Language } from "./inspect-code.js";

describe("inspectCode: writing", () => {
  it.each<[Language, string]>([
    ["python", "open(p, 'w').close()"],
    ["python", "f = open('.claude/settings.json', mode='a')"],
    ["python", "open(p, 'r+')"],
    ["python", "import os; os.replace('.warden', 'x')"],
    ["python", "from pathlib import Path; Path('.warden').replace('x')"],
    ["python", "import os; os.rmdir('.warden')"],
    ["node", "require('fs').appendFileSync('.warden/sessions.jsonl', 'x')"],
    ["node", "require('fs').createWriteStream('.warden/x')"],
    ["ruby", "require 'fileutils'; FileUtils.mv('.warden', 'x')"],
    ["perl", "open(my $f, '>', '.warden/x')"],
    ["php", "file_put_contents('.warden/x', '');"],
  ])("sees %s code that writes: %s", (language, code) => {
    expect(inspectCode(language, code).writes).toBe(true);
  });

  it.each<[Language, string]>([
    ["python", "import json; print(json.load(open('.warden/sessions.jsonl'.replace('x', 'x'))))"],
    ["python", "print(open('.claude/settings.json', 'rb').read())"],
    ["python", "import sys; sys.stdout.write(open('.warden/sessions.jsonl').read())"],
    ["python", "print('rename the .warden folder, then write it down')"],
    ["node", "process.stdout.write(require('fs').readFileSync('.warden/sessions.jsonl'))"],
    ["perl", "open(my $f, '<', '.warden/x')"],
  ])("sees %s code that only reads: %s", (language, code) => {
    expect(inspectCode(language, code).writes).toBe(false);
  });
});

describe("inspectCode: strings built from literals", () => {
  it.each<[Language, string]>([
    ["python", "p = '.war' + 'den'"],
    ["python", "p = '.war' 'den'"],
    ["node", "const p = '.war' + \"den\""],
    ["ruby", "p = '.war' + 'den'"],
    ["perl", "my $p = '.war' . 'den';"],
    ["php", "$p = '.war'.'den';"],
  ])("joins %s concatenation: %s", (language, code) => {
    expect(inspectCode(language, code).literals).toContain(".warden");
  });

  it.each<[Language, string, string]>([
    ["python", "os.path.join('.war' + 'den', 'sessions')", ".warden/sessions"],
    ["node", "path.join('.claude', 'settings.json')", ".claude/settings.json"],
    ["ruby", "File.join('.claude', 'settings.json')", ".claude/settings.json"],
    ["python", "''.join(['.war', 'den'])", ".warden"],
    ["node", "['.war', 'den'].join('')", ".warden"],
    ["perl", "join('', '.war', 'den')", ".warden"],
    ["php", "implode('', ['.war', 'den'])", ".warden"],
  ])("joins a %s list of literals: %s", (language, code, joined) => {
    expect(inspectCode(language, code).literals).toContain(joined);
  });

  it("puts a name assigned a literal once where it is used", () => {
    expect(inspectCode("python", "d = '.war'; os.rename(d + 'den', 'x')").literals).toContain(".warden");
  });

  it("does not follow a name assigned twice", () => {
    expect(inspectCode("python", "d = '.war'; d = 'x'; os.rename(d + 'den', 'y')").literals).not.toContain(".warden");
  });

  it("does not join literals across a variable", () => {
    expect(inspectCode("python", "p = '.war' + x + 'den'").literals).not.toContain(".warden");
  });

  it("adds at most 32 built strings, however many lists the code holds", () => {
    const code = Array.from({ length: 100 }, (_, k) => `f('a${k}', 'b${k}')`).join("; ");
    expect(inspectCode("python", code).literals.length).toBeLessThanOrEqual(200 + 32);
  });

  it("deletes the joined path", () => {
    expect(inspectCode("python", "shutil.rmtree(os.path.join('.war' + 'den', 'x'))").deletions).toEqual([
      { fn: "shutil.rmtree", target: ".warden/x", recursive: true },
    ]);
  });

  it("runs a command with a concatenated argument as one word", () => {
    expect(inspectCode("python", "subprocess.run(['mv', '.war' + 'den', 'x'])").shellCalls).toEqual([
      { fn: "subprocess.run", command: "mv .warden x" },
    ]);
  });
});
