/**
 * Builds a schema on first use. zod constructs schemas eagerly and that work is paid by every
 * short-lived hook process at start-up (several ms for the full set), while each process needs
 * only a few of them.
 */
export function lazySchema<S>(build: () => S): () => S {
  let schema: S | undefined;
  return () => (schema ??= build());
}
