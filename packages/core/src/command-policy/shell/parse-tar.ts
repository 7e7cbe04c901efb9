import { parseOptions, type OptionSpec } from "./parse-options.js";

/**
 * The files `tar` names: the archive (`-f`), the directory it works in (`-C`), the lists it reads
 * names from (`-T`, `-X`) and its members. The old form without a dash (`tar czf out.tgz src`)
 * reads its first word as options; values like `--exclude=node_modules` or `--owner root` are not files.
 */

const TAR_OPTIONS: OptionSpec = {
  value: "fCTXbgKLNV",
  valueLong: [
    "file",
    "directory",
    "files-from",
    "exclude-from",
    "exclude",
    "transform",
    "xform",
    "owner",
    "group",
    "mode",
    "mtime",
    "newer",
    "format",
    "label",
    "blocking-factor",
    "use-compress-program",
    "checkpoint-action",
    "to-command",
    "listed-incremental",
  ],
};
const FILE_VALUES = "fCTX";
const FILE_VALUES_LONG = ["file", "directory", "files-from", "exclude-from", "listed-incremental"];
const OLD_STYLE = /^[A-Za-z]+$/;

export function tarFiles(args: readonly string[]): string[] {
  const first = args[0];
  const words = first != null && OLD_STYLE.test(first) ? [`-${first}`, ...args.slice(1)] : args;
  const p = parseOptions(words, TAR_OPTIONS);
  const values = [...FILE_VALUES].flatMap((letter) => p.values.get(letter) ?? []);
  const longValues = FILE_VALUES_LONG.flatMap((name) => {
    const value = p.long.get(name);
    return typeof value === "string" ? [value] : [];
  });
  return [...values, ...longValues, ...p.positionals];
}
