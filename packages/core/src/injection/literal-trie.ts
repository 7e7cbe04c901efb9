/**
 * One regex for many literals, factored as a trie (`you(?:\s+are(?:\s+now)?)?|...`), so a set of
 * hundreds of phrases stays small enough for the regex engine's compiled tier and shares the work
 * of common prefixes. Literals are lowercase; a space stands for any run of whitespace.
 */
interface TrieNode {
  terminal: boolean;
  readonly children: Map<string, TrieNode>;
}

export function literalAlternation(literals: readonly string[]): string {
  const root: TrieNode = { terminal: false, children: new Map() };
  for (const literal of literals) {
    let node = root;
    for (const token of tokens(literal)) {
      let next = node.children.get(token);
      if (next == null) node.children.set(token, (next = { terminal: false, children: new Map() }));
      node = next;
    }
    node.terminal = true;
  }
  return emit(root, true);
}

const SPECIAL = new Set("\\^$.*+?()[]{}|/-");

function tokens(literal: string): string[] {
  const out: string[] = [];
  for (const ch of literal) {
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      if (out[out.length - 1] !== "\\s+") out.push("\\s+");
    } else out.push(SPECIAL.has(ch) ? `\\${ch}` : ch);
  }
  return out;
}

function emit(node: TrieNode, root = false): string {
  const parts = [...node.children.entries()].toSorted(([a], [b]) => (a < b ? -1 : 1)).map(([token, child]) => token + emit(child));
  if (parts.length === 0) return "";
  const inner = parts.length === 1 && !root ? (parts[0] ?? "") : `(?:${parts.join("|")})`;
  return node.terminal && !root ? `(?:${inner})?` : inner;
}
