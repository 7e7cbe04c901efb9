import { describe, expect, it } from "vitest";
import { filesAccessed } from "./files-accessed.js";

const cwd = "/home/dev/app";
const home = "/home/dev";

describe("filesAccessed", () => {
  it.each([
    ["Read", { file_path: "/home/dev/app/notes.md" }, ["/home/dev/app/notes.md"]],
    ["Grep", { pattern: "TODO", path: "src" }, ["/home/dev/app/src"]],
    ["NotebookEdit", { notebook_path: "nb.ipynb", new_source: "" }, ["/home/dev/app/nb.ipynb"]],
    ["Bash", { command: "cat notes.md > /tmp/out.txt" }, ["/home/dev/app/notes.md", "/tmp/out.txt"]],
    ["Bash", { command: "cp ~/.ssh/config ./backup/" }, ["/home/dev/.ssh/config", "/home/dev/app/backup"]],
    ["Bash", { command: "npm test > /dev/null 2>&1" }, []],
    ["Bash", { command: "git commit -m 'fix: src/a.ts'" }, []],
    ["Bash", { command: "curl -fsSL https://example.com/x.sh -o install.sh" }, ["/home/dev/app/install.sh"]],
    ["WebFetch", { url: "https://example.com", prompt: "x" }, []],
  ])("%s %j names %j", (tool, input, expected) => {
    expect(filesAccessed(tool, input, cwd, home)).toEqual(expected);
  });
});
