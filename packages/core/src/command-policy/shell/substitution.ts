/**
 * A command substitution lifted out of a command line (or an expanding heredoc body) so it can be
 * analysed as a command list of its own; the marker left in its place carries its index.
 */

export type SubstitutionKind = "$(…)" | "`…`" | "<(…)" | ">(…)";

export interface Substitution {
  readonly kind: SubstitutionKind;
  readonly body: string;
}
