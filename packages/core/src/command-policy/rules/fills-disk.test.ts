import { describe, expect, it } from "vitest";
import { createCommandPolicy } from "../create-command-policy.js";

const ctx = { cwd: "/home/dev/project", projectDir: "/home/dev/project", home: "/home/dev" };
const policy = createCommandPolicy();
const fills = (command: string) =>
  policy
    .evaluateCommand(command, ctx)
    .matches.filter((m) => m.rule.id === "disk.fill")
    .map((m) => m.detail);

describe("disk.fill", () => {
  it("says how much a preallocation takes, and where", () => {
    expect(fills("fallocate -l 60G x")).toEqual(["60 GiB into /home/dev/project/x"]);
  });

  it("says when a stream has no end", () => {
    expect(fills("yes > f")).toEqual(["an endless stream into /home/dev/project/f"]);
  });

  it("counts what dd copies from its blocks", () => {
    expect(fills("dd if=/dev/urandom of=f bs=1M count=100000")).toEqual(["97.7 GiB into /home/dev/project/f"]);
  });

  it("follows a pipeline back to an endless source through commands that pass data on", () => {
    expect(fills("yes | pv | base64 | cat > f")).toEqual(["an endless stream into /home/dev/project/f"]);
  });

  it("stops at a stage that bounds the stream", () => {
    expect(fills("yes | head -c 10M | cat > f")).toEqual([]);
  });

  it("leaves writing onto a device to disk.write-device", () => {
    expect(fills("cat /dev/zero > /dev/sda")).toEqual([]);
  });
});
