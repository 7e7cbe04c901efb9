/**
 * The index page's only script: it filters and sorts the rows already rendered, reading their
 * `data-*` attributes, and says how many are shown and what they cost. Without it every row is
 * visible and the filter form stays hidden (it does nothing without a script). The page's
 * Content-Security-Policy allows exactly this text, by hash: keep it a constant.
 *
 * Row attributes: `data-p` the project's index in the project filter, `data-day` the local day of
 * the start, `data-t` the start (epoch ms), `data-d` the duration (ms), `data-k` the tokens,
 * `data-c` the cost in dollars (absent when unknown), `data-v` the verdict tags.
 */
export const INDEX_SCRIPT = `(() => {
  "use strict";
  const table = document.getElementById("sessions");
  const form = document.getElementById("filters");
  const shown = document.getElementById("f-shown");
  if (!table || !form || !shown) return;
  const body = table.tBodies[0];
  const number = (text) => (text === undefined || text === "" ? null : Number(text));
  const rows = Array.from(body.rows, (row, index) => {
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
  const money = (usd) => "$" + (usd !== 0 && Math.abs(usd) < 0.01 ? usd.toFixed(4) : usd.toFixed(2));
  const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");
  const apply = () => {
    const p = project.value, f = from.value, t = to.value, v = verdict.value;
    const min = minCost.value === "" ? 0 : Number(minCost.value);
    const words = search.value.toLowerCase().split(/\\s+/).filter((w) => w !== "");
    let count = 0, sum = 0, unknown = 0;
    for (const r of rows) {
      const ok = (p === "" || r.p === p)
        && (f === "" || (r.day !== "" && r.day >= f))
        && (t === "" || (r.day !== "" && r.day <= t))
        && (v === "" || r.v.includes(v))
        && (!(min > 0) || (r.c !== null && r.c >= min))
        && words.every((w) => r.text.includes(w));
      if (r.row.hidden === ok) r.row.hidden = !ok;
      if (!ok) continue;
      count++;
      if (r.c === null) unknown++;
      else sum += r.c;
    }
    shown.textContent = count + " of " + plural(rows.length, "session") + ", " + money(sum)
      + (unknown > 0 ? " (" + unknown + " with unknown cost)" : "");
  };
  const heads = Array.from(table.tHead.querySelectorAll("th[data-sort]"));
  const sortBy = (th) => {
    const key = th.dataset.sort;
    const dir = th.getAttribute("aria-sort") === "descending" ? "ascending" : "descending";
    for (const head of heads) head.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", dir);
    const sign = dir === "ascending" ? 1 : -1;
    const sorted = rows.slice().sort((a, b) => {
      const x = a[key], y = b[key];
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      return (x - y) * sign || a.index - b.index;
    });
    body.append(...sorted.map((r) => r.row));
  };
  for (const th of heads) th.querySelector("button").addEventListener("click", () => sortBy(th));
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  field("f-reset").addEventListener("click", () => { form.reset(); apply(); });
  form.hidden = false;
  apply();
})();`;
