/**
 * Which keywords' anchors occur in a text, found without compiling a regex for them. Anchors
 * that start a word are kept in a table under their first word; the text's words are looked up
 * in it, and each candidate is confirmed in place. Other anchors (starting with a symbol or a
 * non-ASCII letter, or possibly inside a word) are looked for with `includes`. Case and the
 * length of whitespace runs are ignored, so the result is a superset of the keywords that match.
 */
type Probe = { readonly literal: string; readonly wordStart?: true };

export class ProbeTable {
  private readonly byWord = new Map<string, { id: number; text: string }[]>();
  private readonly lengths: number[];
  private readonly others: { id: number; text: string }[] = [];
  private readonly always: number[] = [];

  constructor(probes: readonly (readonly Probe[] | null)[]) {
    const lengths = new Set<number>();
    probes.forEach((list, id) => {
      if (list == null) return void this.always.push(id);
      for (const probe of list) {
        const text = probe.literal.toLowerCase();
        const word = /^[a-z0-9_]+/.exec(text)?.[0];
        if (probe.wordStart && word != null) {
          const known = this.byWord.get(word);
          if (known) known.push({ id, text });
          else this.byWord.set(word, [{ id, text }]);
          lengths.add(word.length);
        } else this.others.push({ id, text });
      }
    });
    this.lengths = [...lengths].toSorted((a, b) => a - b);
  }

  present(text: string): Set<number> {
    const flat = text.toLowerCase().replace(/\s+/g, " ");
    const found = new Set<number>(this.always);
    const words = /[a-z0-9_]+/g;
    // Words repeat (a text of 10 KiB has a few hundred distinct ones): each word's candidates are
    // gathered once, over every first-word length, and most words have none.
    const candidatesOf = new Map<string, readonly { id: number; text: string }[]>();
    for (let m = words.exec(flat); m != null; m = words.exec(flat)) {
      const word = m[0];
      let candidates = candidatesOf.get(word);
      if (candidates == null) {
        const gathered: { id: number; text: string }[] = [];
        for (const length of this.lengths) {
          if (length > word.length) break;
          const probes = this.byWord.get(length === word.length ? word : word.slice(0, length));
          if (probes != null) gathered.push(...probes);
        }
        candidates = gathered;
        candidatesOf.set(word, candidates);
      }
      for (const probe of candidates) {
        if (!found.has(probe.id) && flat.startsWith(probe.text, m.index)) found.add(probe.id);
      }
    }
    for (const probe of this.others) if (!found.has(probe.id) && flat.includes(probe.text)) found.add(probe.id);
    return found;
  }
}
