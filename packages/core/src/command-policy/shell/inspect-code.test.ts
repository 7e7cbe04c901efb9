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
