/**
 * A command substitution lifted out of a command line (or an expanding heredoc body) so it can be
 * analysed as a command list of its own; the marker left in its place carries its index.
 */

export type SubstitutionKind = "$(…)" | "`…`" | "<(…)" | ">(…)";

/** Where the marker stands, which decides how the output is put back: split into words, or kept whole. */
export type SubstitutionContext = "unquoted" | "double-quoted" | "verbatim";

export interface Substitution {
  readonly kind: SubstitutionKind;
  readonly body: string;
  /** Unset for a heredoc body or `${…}`, where the output goes in as it is. */
  readonly context?: SubstitutionContext;
}
