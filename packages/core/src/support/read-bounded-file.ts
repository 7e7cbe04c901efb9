import fs from "node:fs";

/**
 * Reads a file a config names, refusing what would hang or exhaust a hook: a FIFO (opened
 * without blocking, then refused), a device such as /dev/zero, a directory, or a file larger
 * than `maxBytes`. Config files come from the project, which may not be trustworthy.
 */
export function readBoundedFile(file: string, maxBytes: number): string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${file} is not a regular file`);
    if (stat.size > maxBytes) throw new Error(`${file} is ${stat.size} bytes, more than the ${maxBytes} allowed`);
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw new Error(`${file} grew past the ${maxBytes} bytes allowed while being read`);
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}
