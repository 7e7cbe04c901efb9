import type { RuleHit, SimpleCommand } from "../command-types.js";
import { positionals } from "../shell/command-paths.js";
import { hasOption, optionValue, parseOptions, type OptionSpec } from "../shell/parse-options.js";
import { parseSize } from "../shell/parse-size.js";
import type { RuleContext } from "./rule-context.js";
import { STDOUT_WRITES } from "../shell/redirect-ops.js";

/**
 * Writing a file big enough to fill the disk, where the size can be read off the command:
 * preallocating (`fallocate -l 60G f`, `mkfile 10g f`) or streaming something endless or huge
 * into a file (`yes > f`, `cat /dev/zero > f`, `dd if=/dev/zero of=f` without a count,
 * `head -c 100G /dev/urandom > f`, `yes | cat > f`). A sparse file (`truncate -s 60G`,
 * `mkfile -n`) takes no space until written and is fine, as is anything bounded below 1 GiB.
 */

/** 1 GiB: below it a file is a disk image or a test fixture, not a threat to the disk. */
const LIMIT = 1024 ** 3;
const ENDLESS_DEVICES = new Set(["/dev/zero", "/dev/urandom", "/dev/random"]);
/** Commands that pass what they read on to stdout whole (or larger), with how their options take values. */
const PASS_THROUGH: Readonly<Record<string, OptionSpec>> = {
  cat: {},
  pv: { value: "LsNiBwHd" },
  base64: { value: "w" },
  tr: {},
  xxd: { value: "cglos" },
  od: { value: "AjNtw" },
  hexdump: { value: "efns" },
  tee: {},
};
/** The ones among them whose positional words are files they read (tee's are files it writes). */
const FILE_READERS = new Set(["cat", "pv", "base64", "head"]);
const FALLOCATE_FREEING = ["punch-hole", "collapse-range", "dig-holes", "insert-range"];

interface Fill {
  readonly bytes: number;
  readonly target: string;
}

export function fillsDisk(cmd: SimpleCommand, rc: RuleContext): RuleHit | undefined {
  for (const fill of [...preallocations(cmd), ...streams(cmd, rc)]) {
    if (fill.bytes < LIMIT) continue;
    const abs = rc.resolve(fill.target, cmd);
    if (abs == null || abs.startsWith("/dev/")) continue;
    const size = fill.bytes === Number.POSITIVE_INFINITY ? "an endless stream" : `${Number((fill.bytes / LIMIT).toFixed(1))} GiB`;
    return { detail: `${size} into ${abs}` };
  }
  return undefined;
}

/** `fallocate -l SIZE f`, `mkfile SIZE f…`, `xfs_mkfile SIZE f…`; not hole punching, not `mkfile -n` (sparse). */
function preallocations(cmd: SimpleCommand): Fill[] {
  if (cmd.name === "fallocate") {
    const p = parseOptions(cmd.args, { value: "lo", valueLong: ["length", "offset"] });
    const bytes = parseSize(optionValue(p, "l", ["length"]) ?? "");
    if (bytes == null || hasOption(p, "pcdi", FALLOCATE_FREEING)) return [];
    return p.positionals.map((target) => ({ bytes, target }));
  }
  if (cmd.name === "mkfile" || cmd.name === "xfs_mkfile") {
    const p = parseOptions(cmd.args);
    const [size, ...files] = p.positionals;
    const bytes = parseSize(size ?? "");
    if (bytes == null || p.short.has("n")) return [];
    return files.map((target) => ({ bytes, target }));
  }
  return [];
}

/** The files a command streams into (stdout redirected, `tee f`, `dd of=f`), each with how much it writes. */
function streams(cmd: SimpleCommand, rc: RuleContext): Fill[] {
  const out: Fill[] = [];
  const redirected = cmd.redirects.filter((r) => STDOUT_WRITES.has(r.op) && (r.fd == null || r.fd === "1" || r.op.startsWith("&")));
  const toStdout = redirected.length > 0 ? stdoutBytes(cmd, rc) : undefined;
  if (toStdout != null) out.push(...redirected.map((r) => ({ bytes: toStdout, target: r.target })));
  if (cmd.name === "tee") {
    const bytes = inputBytes(cmd, rc, []);
    if (bytes != null)
      out.push(
        ...positionals(cmd.args)
          .filter((w) => w !== "-")
          .map((target) => ({ bytes, target })),
      );
  }
  const of = ddOperand(cmd, "of");
  if (cmd.name === "dd" && of != null) {
    const bytes = ddBytes(cmd, rc);
    if (bytes != null) out.push({ bytes, target: of });
  }
  return out;
}

/** How much a command writes to stdout, when it is known to be a lot: Infinity for `yes`, `cat /dev/zero`. */
function stdoutBytes(cmd: SimpleCommand, rc: RuleContext): number | undefined {
  if (cmd.name === "yes") return Number.POSITIVE_INFINITY;
  if (cmd.name === "dd") return ddOperand(cmd, "of") == null ? ddBytes(cmd, rc) : undefined;
  if (cmd.name === "head") {
    const p = parseOptions(cmd.args, { value: "cn", valueLong: ["bytes", "lines"] });
    const limit = parseSize(optionValue(p, "c", ["bytes"]) ?? "");
    const input = inputBytes(cmd, rc, p.positionals);
    return limit == null || input == null ? undefined : Math.min(limit, input);
  }
  const spec = PASS_THROUGH[cmd.name];
  if (spec == null) return undefined;
  return inputBytes(cmd, rc, FILE_READERS.has(cmd.name) ? parseOptions(cmd.args, spec).positionals : []);
}

/**
 * How much a command reads, when it is known to be a lot: Infinity from an endless device (a file
 * operand or `<`), else what the stage before it in the pipeline writes. A regular file is finite
 * and of unknown size: undefined.
 */
function inputBytes(cmd: SimpleCommand, rc: RuleContext, files: readonly string[]): number | undefined {
  const inputs = [...files.filter((f) => f !== "-"), ...cmd.redirects.filter((r) => r.op === "<").map((r) => r.target)];
  if (inputs.length > 0) return inputs.some((f) => ENDLESS_DEVICES.has(rc.resolve(f, cmd) ?? "")) ? Number.POSITIVE_INFINITY : undefined;
  let most: number | undefined;
  for (const before of rc.upstream(cmd)) {
    if (before.stage !== cmd.stage - 1 || before.synthetic != null) continue;
    const bytes = stdoutBytes(before, rc);
    if (bytes != null) most = Math.max(most ?? 0, bytes);
  }
  return most;
}

/** What dd copies: `count` blocks of `bs` (or `ibs`, 512 by default; bytes with `iflag=count_bytes`), at most its input. */
function ddBytes(cmd: SimpleCommand, rc: RuleContext): number | undefined {
  const source = ddOperand(cmd, "if");
  const input = inputBytes(cmd, rc, source == null ? [] : [source]);
  const count = ddOperand(cmd, "count");
  if (input == null || count == null) return input;
  const blocks = parseSize(count);
  const block = ddOperand(cmd, "iflag")?.split(",").includes("count_bytes")
    ? 1
    : parseSize(ddOperand(cmd, "bs") ?? ddOperand(cmd, "ibs") ?? "512");
  return blocks == null || block == null ? undefined : Math.min(input, blocks * block);
}

function ddOperand(cmd: SimpleCommand, key: string): string | undefined {
  const word = cmd.args.findLast((a) => a.startsWith(`${key}=`));
  return word?.slice(key.length + 1);
}
