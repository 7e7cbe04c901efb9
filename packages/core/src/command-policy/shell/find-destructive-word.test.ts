import { describe, expect, it } from "vitest";
import { findDestructiveWord } from "./find-destructive-word.js";

describe("findDestructiveWord", () => {
  it.each([
    ['rm -rf ~ "', "rm -r"],
    ["sudo rm --force --recursive /x '", "rm -r"],
    ["mkfs.ext4 /dev/sda '", "mkfs"],
    ['dd if=/dev/zero of=/dev/sda "', "dd of="],
    ["find / -delete '", "find -delete"],
    ["python3 -c 'shutil.rmtree(x)", "rmtree"],
  ])("names the destructive program in %j", (text, name) => {
    expect(findDestructiveWord(text)).toBe(name);
  });

  it.each([['echo "unterminated'], ["rm -f notes.txt '"], ["git commit -m 'form -rf"]])("names nothing in %j", (text) => {
    expect(findDestructiveWord(text)).toBeUndefined();
  });
});
