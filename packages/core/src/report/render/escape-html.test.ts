import { describe, expect, it } from "vitest";
import { escapeHtml, escapeShown } from "./escape-html.js";

describe("escapeHtml", () => {
  it.each([
    ["</script><script>alert(1)</script>", "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"],
    [`"a" & 'b'`, "&quot;a&quot; &amp; &#39;b&#39;"],
    ["&lt;", "&amp;lt;"],
    ["plain text", "plain text"],
  ])("makes %j inert", (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe("escapeShown", () => {
  it("escapes markup like escapeHtml", () => {
    expect(escapeShown("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)&gt;");
  });

  it.each([
    ["a right-to-left override", "\u202E", "U+202E"],
    ["a zero-width space", "\u200B", "U+200B"],
    ["a byte order mark", "\uFEFF", "U+FEFF"],
    ["a tag character", "\u{E0041}", "U+E0041"],
    ["a bell", "\u0007", "U+0007"],
  ])("labels %s visibly", (_name, ch, label) => {
    expect(escapeShown(`a${ch}b`)).toContain(`>${label}</span>`);
  });

  it("shows an ANSI escape as ␛", () => {
    expect(escapeShown("\u001b[31mred")).toBe('<span class="hid" title="U+001B escape">␛</span>[31mred');
  });

  it("keeps tabs, newlines and ordinary Unicode", () => {
    expect(escapeShown("a\tb\r\nc é 日本 ✓")).toBe("a\tb\r\nc é 日本 ✓");
  });
});
