import fs from "node:fs";

/** Writes all of `data` to `fd`: one write call returns after part of it when the data is large. */
export function writeAll(fd: number, data: Buffer | string): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  for (let offset = 0; offset < bytes.length;) offset += fs.writeSync(fd, bytes, offset);
}
