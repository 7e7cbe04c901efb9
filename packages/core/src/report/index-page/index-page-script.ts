/**
 * The index page's only script: it filters and sorts the rows already rendered, reading their
 * `data-*` attributes, and says how many match and what they cost. It lays out at most a page of
 * them at a time (more on request): a browser lays out thousands of table rows slowly, and the
 * count and total cover every match anyway. Without it every row is visible and the filter form
 * stays hidden (it does nothing without a script). The page's Content-Security-Policy allows
 * exactly this text, by hash: keep it a constant.
 *
 * Row attributes: `data-p` the project's index in the project filter, `data-day` the local day of
 * the start, `data-t` the start (epoch ms), `data-d` the duration (ms), `data-k` the tokens,
 * `data-c` the cost in dollars (absent when unknown), `data-v` the verdict tags.
 */
/** How many rows the page lays out at first, and more at each request. */
export const INDEX_PAGE_ROWS = 250;

export const INDEX_SCRIPT = `(() => {
  "use strict";
  const PAGE = ${INDEX_PAGE_ROWS};
  const table = document.getElementById("sessions");
  const form = document.getElementById("filters");
  const shown = document.getElementById("f-shown");
  const more = document.getElementById("f-more");
  if (!table || !form || !shown || !more) return;
  let body = table.tBodies[0];
  const number = (text) => (text === undefined || text === "" ? null : Number(text));
  let order = Array.from(body.rows, (row, index) => {
    const d = row.dataset;
    const id = row.querySelector("[data-id]");
    const project = row.querySelector("[data-dir]");
    const text = row.textContent + " " + (id ? id.dataset.id : "") + " " + (project ? project.dataset.dir : "");
    return { row, index, p: d.p || "", day: d.day || "", t: number(d.t), d: number(d.d), k: number(d.k), c: number(d.c),
      v: (d.v || "").split(" "), text: text.toLowerCase() };
  });
  const field = (id) => document.getElementById(id);
  const project = field("f-project"), from = field("f-from"), to = field("f-to");
  const verdict = field("f-verdict"), minCost = field("f-cost"), search = field("f-text");
  const grouped = (n) => n.toLocaleString("en-US");
  const money = (usd) => "$" + (usd !== 0 && Math.abs(usd) < 0.01 ? usd.toFixed(4) : usd.toFixed(2));
  let limit = PAGE;
  const render = () => {
    const p = project.value, f = from.value, t = to.value, v = verdict.value;
    const min = minCost.value === "" ? 0 : Number(minCost.value);
    const words = search.value.toLowerCase().split(/\\s+/).filter((w) => w !== "");
    let count = 0, sum = 0, unknown = 0;
    for (const r of order) {
      const ok = (p === "" || r.p === p)
        && (f === "" || (r.day !== "" && r.day >= f))
        && (t === "" || (r.day !== "" && r.day <= t))
        && (v === "" || r.v.includes(v))
        && (!(min > 0) || (r.c !== null && r.c >= min))
        && words.every((w) => r.text.includes(w));
      const visible = ok && count < limit;
      if (r.row.hidden === visible) r.row.hidden = !visible;
      if (!ok) continue;
      count++;
      if (r.c === null) unknown++;
      else sum += r.c;
    }
    const cut = count > limit;
    shown.textContent = grouped(count) + " of " + grouped(order.length) + " session" + (order.length === 1 ? "" : "s") + ", " + money(sum)
      + (unknown > 0 ? " (" + grouped(unknown) + " with unknown cost)" : "") + (cut ? "; the first " + grouped(limit) + " are listed" : "");
    more.hidden = !cut;
    if (cut) more.textContent = "List " + grouped(Math.min(PAGE, count - limit)) + " more";
  };
  const apply = () => { limit = PAGE; render(); };
  const heads = Array.from(table.tHead.querySelectorAll("th[data-sort]"));
  const sortBy = (th) => {
    const key = th.dataset.sort;
    const dir = th.getAttribute("aria-sort") === "descending" ? "ascending" : "descending";
    for (const head of heads) head.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", dir);
    const sign = dir === "ascending" ? 1 : -1;
    order = order.slice().sort((a, b) => {
      const x = a[key], y = b[key];
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      return (x - y) * sign || a.index - b.index;
    });
    // Moved into a detached body and put back once: moving rows in place costs a style pass for each.
    const sorted = body.cloneNode(false);
    sorted.append(...order.map((r) => r.row));
    table.replaceChild(sorted, body);
    body = sorted;
    render();
  };
  for (const th of heads) th.querySelector("button").addEventListener("click", () => sortBy(th));
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  field("f-reset").addEventListener("click", () => { form.reset(); apply(); });
  more.addEventListener("click", () => { limit += PAGE; render(); });
  form.hidden = false;
  apply();
  table.classList.add("live");
})();`;
