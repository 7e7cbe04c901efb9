import { describe, expect, it } from "vitest";
import { scanCommandList } from "./scan-command-list.js";
import type { Substitution } from "./substitution.js";

const scan = (source: string) => {
  const subs: Substitution[] = [];
  const result = scanCommandList(source, subs);
  return { segments: result.segments.map((s) => [s.text.trim(), s.op]), subs, error: result.error?.message, raw: result.segments };
};

describe("scanCommandList", () => {
  it("splits on every list and pipeline operator", () => {
    expect(scan("a; b && c || d | e |& f & g").segments).toEqual([
      ["a", ";"],
      ["b", "&&"],
      ["c", "||"],
      ["d", "|"],
      ["e", "|&"],
      ["f", "&"],
      ["g", ""],
    ]);
  });

  it("splits on newlines and drops comments", () => {
    expect(scan("a # b; c\nd").segments).toEqual([
      ["a", "\n"],
      ["d", ""],
    ]);
  });

  it("keeps a # inside a word, escaped for the tokenizer", () => {
    expect(scan("echo a#b; c").segments).toEqual([
      ["echo a\\#b", ";"],
      ["c", ""],
    ]);
  });

  it("does not split on redirections", () => {
    expect(scan("cmd >/dev/null 2>&1 &>log >|f <&0").segments).toEqual([["cmd >/dev/null 2>&1 &>log >|f <&0", ""]]);
  });

  it("does not split inside quotes", () => {
    expect(scan(`echo "a; b" 'c && d'`).segments).toEqual([[`echo "a; b" 'c && d'`, ""]]);
  });

  it("joins continued lines", () => {
    expect(scan("rm -rf \\\n  /").segments).toEqual([["rm -rf   /", ""]]);
  });

  it("lifts substitutions out of unquoted and double-quoted text", () => {
    expect(scan('echo $(date) "`whoami`" <(ls) >(cat)').subs).toEqual([
      { kind: "$(…)", body: "date", context: "unquoted" },
      { kind: "`…`", body: "whoami", context: "double-quoted" },
      { kind: "<(…)", body: "ls" },
      { kind: ">(…)", body: "cat" },
    ]);
  });

  it("lifts substitutions out of arithmetic and ${…}", () => {
    expect(scan("echo $(( $(a) + 1 )) ${X:-$(b)}").subs).toEqual([
      { kind: "$(…)", body: "a" },
      { kind: "$(…)", body: "b" },
    ]);
  });

  it("leaves single-quoted text alone", () => {
    expect(scan("echo '$(rm -rf /)'").subs).toEqual([]);
  });

  it("finds the end of nested substitutions", () => {
    expect(scan('echo "$(echo "$(date)")"; ls').subs).toEqual([{ kind: "$(…)", body: 'echo "$(date)"', context: "double-quoted" }]);
  });

  it("reads heredoc bodies and lifts their substitutions", () => {
    const result = scan("cat <<EOF | sh\n$(whoami)\nEOF\nls");
    expect({ segments: result.segments, heredoc: result.raw[0]?.heredocs, subs: result.subs }).toEqual({
      segments: [
        ["cat <<EOF", "|"],
        ["sh", "\n"],
        ["ls", ""],
      ],
      heredoc: ["\u00020\u0003\n"],
      subs: [{ kind: "$(…)", body: "whoami" }],
    });
  });

  it("keeps quoted heredocs literal", () => {
    expect(scan("cat <<'EOF'\n$(whoami)\nEOF").subs).toEqual([]);
  });

  it("reports unterminated quotes with what came before", () => {
    expect({ segments: scan('ls; echo "oops').segments, error: scan('ls; echo "oops').error }).toEqual({
      segments: [["ls", ";"]],
      error: "unterminated double quote",
    });
  });

  it("records where each segment is", () => {
    expect(scan("  ls ;  rm -rf /  ").raw.map((s) => [s.start, s.end])).toEqual([
      [2, 4],
      [8, 16],
    ]);
  });
});
