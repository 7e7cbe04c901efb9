import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TimeZoneError } from "../../history/local-dates.js";
import type { IndexPageModel, IndexSession } from "./index-page-model.js";
import { renderIndexPage } from "./render-index-page.js";

const INJECTION = "</script><script>alert(1)</script>";

function session(overrides: Partial<IndexSession> = {}): IndexSession {
  return {
    session_id: "5e1f0c2a-9b7d-4e3a-8c21-7f6d5b4a3c2e",
    project_dir: "/home/dev/shop-api",
    project_label: "~/shop-api",
    started_at: "2026-03-02T14:03:11.250Z",
    duration_ms: 245_000,
    models: ["claude-sonnet-4-5-20250929"],
    tokens: { input: 12_000, output: 3_400 },
    cost_usd: 0.0042,
    unpriced_models: [],
    verdicts: { allowed: 12, warned: 1, blocked: 2 },
    recorded: true,
    first_prompt: "The cart total test fails, please fix it.",
    report_href: "5e1f0c2a-9b7d-4e3a-8c21-7f6d5b4a3c2e.html",
    ...overrides,
  };
}

function page(sessions: IndexSession[], overrides: Partial<IndexPageModel> = {}): string {
  return renderIndexPage({
    generated_at: "2026-03-03T09:00:00.000Z",
    time_zone: "UTC",
    sources: ["/home/dev/shop-api/.warden"],
    sessions,
    warden_version: "0.1.0",
    ...overrides,
  });
}

/** The `<tr>` of the page's only session row. */
const rowOf = (html: string) => html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("renderIndexPage: safety", () => {
  it("shows markup in a prompt as text", () => {
    expect(rowOf(page([session({ first_prompt: `fix ${INJECTION}` })]))).toContain(
      "fix &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
    );
  });

  it.each([
    ["project folder", { project_dir: `/tmp/a"><img src=x onerror=alert(1)>` }],
    ["project label", { project_label: `<img src=x onerror=alert(1)>` }],
    ["session id", { session_id: `x"><script>alert(1)</script>` }],
    ["model", { models: [`<img src=x onerror=alert(1)>`] }],
    ["unpriced model", { unpriced_models: [`<img src=x onerror=alert(1)>`] }],
    ["report link", { report_href: `x.html"><script>alert(1)</script>` }],
  ])("escapes the %s", (_what, overrides) => {
    expect(page([session(overrides)])).not.toMatch(/<img|<script>alert|"><script/);
  });

  it("has one script element: its own", () => {
    const html = page([session({ first_prompt: INJECTION })]);
    expect([count(html, /<script/gi), count(html, /<\/script/gi)]).toEqual([1, 1]);
  });

  it("allows that script by its hash and nothing else to load", () => {
    const html = page([session()]);
    const script = html.slice(html.indexOf("<script>") + "<script>".length, html.indexOf("</script>"));
    const hash = createHash("sha256").update(script, "utf8").digest("base64");
    expect(html).toContain(
      `content="default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`,
    );
  });

  it("references nothing outside the file but the session reports", () => {
    expect(page([session()]).match(/(?:src|href)="(?!data:,")[^"]*"|url\(|@import/g)).toEqual([
      'href="5e1f0c2a-9b7d-4e3a-8c21-7f6d5b4a3c2e.html"',
    ]);
  });

  it.each(["javascript:alert(1)", "https://evil.example/x.html", "//evil.example/x.html", "JavaScript:alert(1)"])(
    "renders no link for a report address with a scheme or a host: %s",
    (href) => {
      expect(rowOf(page([session({ report_href: href })]))).not.toContain("<a ");
    },
  );

  it("labels a bidi override hidden in a prompt", () => {
    expect(rowOf(page([session({ first_prompt: "run this\u202E;hs|lruc" })]))).toContain(
      'run this<span class="hid" title="hidden character U+202E">U+202E</span>;hs|lruc',
    );
  });
});

describe("renderIndexPage: a session's row", () => {
  it.each([
    ["start in the page's time zone", "2026-03-02 14:03"],
    ["short session id, the full one in its title", 'title="5e1f0c2a-9b7d-4e3a-8c21-7f6d5b4a3c2e">5e1f0c2a</code>'],
    ["project's name, its folder in its title", 'data-dir="/home/dev/shop-api" title="~/shop-api">shop-api</td>'],
    ["duration", "4m 05s"],
    ["model, short, its id in the title", 'title="claude-sonnet-4-5-20250929"><span>sonnet-4-5</span></td>'],
    ["tokens", 'title="12,000 in, 3,400 out">15.4k</td>'],
    ["cost", "$0.0042"],
    ["blocked calls", '<span class="pill v-blocked">2 blocked</span>'],
    ["warned calls", '<span class="pill v-warned">1 warned</span>'],
    ["allowed calls", '<span class="pill v-allowed">12 allowed</span>'],
    ["report link", '<a href="5e1f0c2a-9b7d-4e3a-8c21-7f6d5b4a3c2e.html"'],
  ])("shows the %s", (_what, expected) => {
    expect(rowOf(page([session()]))).toContain(expected);
  });

  it("shows the start in another time zone, and its day there for the date filter", () => {
    const row = rowOf(page([session({ started_at: "2026-03-02T23:30:00.000Z" })], { time_zone: "Asia/Tokyo" }));
    expect([row.includes("2026-03-03 08:30"), row.includes('data-day="2026-03-03"')]).toEqual([true, true]);
  });

  it("carries what the filters and sorting read", () => {
    expect(rowOf(page([session()]))).toContain(
      '<tr data-p="0" data-day="2026-03-02" data-t="1772460191250" data-d="245000" data-k="15400" data-c="0.0042" data-v="warned blocked">',
    );
  });

  it("shows a session with no known cost as a dash, and leaves its cost out of the filters' data", () => {
    const row = rowOf(page([session({ cost_usd: null, tokens: null })]));
    expect([
      row.includes("data-c="),
      row.includes("data-k="),
      row.includes('title="unknown: no report or transcript to count it from">—'),
    ]).toEqual([false, false, true]);
  });

  it("names a model without a price among the session's models", () => {
    const row = rowOf(page([session({ models: ["claude-sonnet-4-5", "mystery-model-9"], unpriced_models: ["mystery-model-9"] })]));
    expect(row).toContain('<span class="nop" title="no price for mystery-model-9">mystery-model-9 (no price)</span></td>');
  });

  it("marks the cost of a session with a model without a price as the priced models' only", () => {
    const row = rowOf(page([session({ models: ["claude-sonnet-4-5", "mystery-model-9"], unpriced_models: ["mystery-model-9"] })]));
    expect(row).toContain(
      '$0.0042<span class="unpriced" title="no price for mystery-model-9: their tokens are counted, their cost is not">+ unpriced</span>',
    );
  });

  it("names the models without a price at the top of the page", () => {
    expect(page([session({ unpriced_models: ["mystery-model-9"] })])).toContain(
      '<p class="notes">No price for mystery-model-9: their tokens are counted, their cost is not in the figures.</p>',
    );
  });

  it("says a session Warden did not record is not recorded", () => {
    const row = rowOf(page([session({ recorded: false, verdicts: null, report_href: null })]));
    expect([row.includes('<span class="pill v-unrecorded">not recorded</span>'), row.includes('data-v="unrecorded"')]).toEqual([
      true,
      true,
    ]);
  });

  it("tags a recorded session with no warning or block as clean", () => {
    expect(rowOf(page([session({ verdicts: { allowed: 3, warned: 0, blocked: 0 } })]))).toContain('data-v="clean"');
  });

  it("shows a session with no known start as unknown, without a day to filter by", () => {
    const row = rowOf(page([session({ started_at: null })]));
    expect([row.includes('<td class="when none">unknown</td>'), row.includes("data-day")]).toEqual([true, false]);
  });
});

describe("renderIndexPage: the page", () => {
  it("counts the sessions and totals their known cost, as the script does once it has filtered", () => {
    const html = page([session(), session({ session_id: "b", cost_usd: 1.5 }), session({ session_id: "c", cost_usd: null })]);
    expect(html).toContain(
      '<p class="shown" id="f-shown" role="status" aria-live="polite">3 of 3 sessions, $1.50 (1 with unknown cost)</p>',
    );
  });

  it("offers each project once in the project filter, with its session count", () => {
    const html = page([
      session(),
      session({ session_id: "b" }),
      session({ session_id: "c", project_dir: "/srv/api", project_label: "/srv/api" }),
    ]);
    expect(html.match(/<option value="\d+"[^>]*>[^<]*<\/option>/g)).toEqual([
      '<option value="0" title="/srv/api">/srv/api (1)</option>',
      '<option value="1" title="/home/dev/shop-api">~/shop-api (2)</option>',
    ]);
  });

  it("hides the filters until the script shows them: without it every row is listed", () => {
    expect(page([session()])).toContain('<form class="filters" id="filters" role="search" aria-label="Filter sessions" hidden>');
  });

  it("says so when there is no session", () => {
    expect(page([])).toContain('<p class="table empty">No session found.</p>');
  });

  it("refuses an unknown time zone", () => {
    expect(() => page([session()], { time_zone: "Mars/Olympus" })).toThrow(TimeZoneError);
  });
});
