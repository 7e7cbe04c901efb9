/** A schema problem in words a person can act on: where, and what was wrong. */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly keys?: readonly string[];
}

export function describeIssues(issues: readonly SchemaIssue[]): string {
  return issues
    .map((issue) => {
      const at = issue.path.map(String).join(".") || "(root)";
      // zod/mini says only "Invalid input" for unknown keys: name them, they are usually typos.
      if (issue.code === "unrecognized_keys" && issue.keys)
        return `${at}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
      return `${at}: ${issue.message}`;
    })
    .join("; ");
}
