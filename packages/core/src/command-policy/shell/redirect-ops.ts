/** Redirection operators, by what they do to their target. */

/** Send stdout (and with `&`, stderr) into the target file: `>`, `>>`, `>|`, `&>`, `&>>`. */
export const STDOUT_WRITES: ReadonlySet<string> = new Set([">", ">>", ">|", "&>", "&>>"]);
/** Empty the target before writing: `>`, `>|`, `&>`. */
export const TRUNCATES: ReadonlySet<string> = new Set([">", ">|", "&>"]);
