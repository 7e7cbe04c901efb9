import { describe, expect, it } from "vitest";
import { filesAccessed } from "./files-accessed.js";

const cwd = "/home/dev/app";
const home = "/home/dev";
const files = (command: string) => filesAccessed("Bash", { command }, cwd, home);

describe("filesAccessed", () => {
  it.each([
    ["Read", { file_path: "/home/dev/app/notes.md" }, ["/home/dev/app/notes.md"]],
    ["Grep", { pattern: "TODO", path: "src" }, ["/home/dev/app/src"]],
    ["NotebookEdit", { notebook_path: "nb.ipynb", new_source: "" }, ["/home/dev/app/nb.ipynb"]],
    ["WebFetch", { url: "https://example.com", prompt: "x" }, []],
    ["PowerShell", { command: "Get-Content .\\src\\app.ts" }, ["/home/dev/app/src/app.ts"]],
  ])("%s %j names %j", (tool, input, expected) => {
    expect(filesAccessed(tool, input, cwd, home)).toEqual(expected);
  });
});

describe("filesAccessed of a Bash command", () => {
  it.each([
    ["cat notes.md > /tmp/out.txt", ["/home/dev/app/notes.md", "/tmp/out.txt"]],
    ["cp ~/.ssh/config ./backup/", ["/home/dev/.ssh/config", "/home/dev/app/backup"]],
    ["cp a.txt b.txt", ["/home/dev/app/a.txt", "/home/dev/app/b.txt"]],
    ["head -n 20 file.txt", ["/home/dev/app/file.txt"]],
    ["tail -n 100 -f logs/app.log", ["/home/dev/app/logs/app.log"]],
    ["tar -xzf x.tgz -C out", ["/home/dev/app/x.tgz", "/home/dev/app/out"]],
    ["tar czf out.tgz src", ["/home/dev/app/out.tgz", "/home/dev/app/src"]],
    ["sed -n 1,20p file.txt", ["/home/dev/app/file.txt"]],
    ["sed -i 's/a/b/' src/a.ts", ["/home/dev/app/src/a.ts"]],
    ["grep -rn TODO src", ["/home/dev/app/src"]],
    ["cat Makefile", ["/home/dev/app/Makefile"]],
    ["touch a b", ["/home/dev/app/a", "/home/dev/app/b"]],
    ["mkdir -p build/out", ["/home/dev/app/build/out"]],
    ["rm -rf dist", ["/home/dev/app/dist"]],
    ["cd sub && cat x.md", ["/home/dev/app/sub/x.md"]],
    ["git diff HEAD~1 -- src/a.ts", ["/home/dev/app/src/a.ts"]],
    ["git show HEAD:src/a.ts", ["/home/dev/app/src/a.ts"]],
    ["node dist/app.js --port 3000", ["/home/dev/app/dist/app.js"]],
    ["python3 script.py < in.txt", ["/home/dev/app/script.py", "/home/dev/app/in.txt"]],
    ["chmod 755 run.sh", ["/home/dev/app/run.sh"]],
    ["curl -fsSL https://example.com/x.sh -o install.sh", ["/home/dev/app/install.sh"]],
    ["cat $HOME/.bashrc", ["/home/dev/.bashrc"]],
  ])("%s touches %j", (command, expected) => {
    expect(files(command)).toEqual(expected);
  });

  it.each([
    "sleep 0.2",
    "echo 1.5",
    "git log -n 5",
    "timeout 30 make",
    "make -j 4",
    "seq 1 10",
    "kill -9 1234",
    "npm run build",
    "npm test > /dev/null 2>&1",
    "pip install foo==1.2",
    "npm install lodash@4.17.21",
    "git commit -m 'fix: src/a.ts'",
    "xargs -n 1 echo",
    "echo hi > $OUT",
    "ssh db cat /etc/passwd",
    "docker run -v $PWD:/app img",
  ])("%s touches no file", (command) => {
    expect(files(command)).toEqual([]);
  });
});
