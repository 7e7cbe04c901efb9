/**
 * Standard input read to its end, but never waited on forever: a status line command must answer
 * even when started by hand in a terminal, or by a caller that never closes the pipe. What came
 * before the deadline (or the first `maxBytes`) is returned.
 */
export function readBoundedStdin(timeoutMs: number, maxBytes = 1024 * 1024): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) return Promise.resolve("");
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const finish = () => {
      clearTimeout(timer);
      stdin.off("data", onData);
      stdin.off("end", finish);
      stdin.off("error", finish);
      stdin.pause();
      // Unref'd so a pipe left open does not keep the process alive after the answer.
      stdin.unref?.();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      chunks.push(buffer);
      bytes += buffer.length;
      if (bytes >= maxBytes) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    stdin.on("data", onData);
    stdin.once("end", finish);
    stdin.once("error", finish);
  });
}
