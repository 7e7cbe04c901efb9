/** Where a problem in a `.nov` file is, and what was expected there. */
export interface NovaDiagnostic {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units of the line. */
  readonly column: number;
  readonly message: string;
  /** What the parser expected at that place, in words. */
  readonly expected?: string;
  readonly rule?: string;
}

/** A malformed rule file: every problem found, each with file, line, column and what was expected. */
export class NovaSyntaxError extends Error {
  override readonly name = "NovaSyntaxError";
  readonly diagnostics: readonly NovaDiagnostic[];

  constructor(diagnostics: readonly NovaDiagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.diagnostics = diagnostics;
  }
}

export function formatDiagnostic(d: NovaDiagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const rule = d.rule ? ` (rule ${d.rule})` : "";
  const expected = d.expected ? `; expected ${d.expected}` : "";
  return `${where}${rule}: ${d.message}${expected}`;
}

/** Thrown inside the parser and turned into a diagnostic where the line is known. */
export class LineError extends Error {
  override readonly name = "LineError";
  constructor(
    message: string,
    /** 0-based offset in the line's text. */
    readonly column: number,
    readonly expected?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Cuts a received value for an error message. */
export function shown(text: string, max = 40): string {
  const one = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return one;
}
