/**
 * The report's only script: it filters and expands the timeline, and opens the entry a link
 * (a guard finding, a bar of the time axis, a tool call of the conversation) points at. All content is
 * rendered as HTML beforehand; the script reads `data-*` attributes and toggles `hidden`/`open`.
 * The Content-Security-Policy allows exactly this text (by hash), so keep it a constant.
 */
export const REPORT_SCRIPT = `(() => {
  "use strict";
  const list = document.getElementById("events");
  if (!list) return;
  const rows = Array.from(list.children);
  const tool = document.getElementById("f-tool");
  const agent = document.getElementById("f-agent");
  const failed = document.getElementById("f-failed");
  const verdicts = Array.from(document.querySelectorAll("input[data-verdict]"));
  const shown = document.getElementById("f-shown");
  const apply = () => {
    const wanted = new Set(verdicts.filter((box) => box.checked).map((box) => box.dataset.verdict));
    const t = tool ? tool.value : "";
    const a = agent ? agent.value : "";
    const f = failed ? failed.checked : false;
    let count = 0;
    for (const row of rows) {
      const d = row.dataset;
      const ok = wanted.has(d.verdict) && (t === "" || d.tool === t) && (a === "" || d.agent === a) && (!f || d.outcome === "failed");
      row.hidden = !ok;
      if (ok) count++;
    }
    if (shown) shown.textContent = count + " of " + rows.length + " events shown";
  };
  const reset = () => {
    for (const box of verdicts) box.checked = true;
    if (tool) tool.value = "";
    if (agent) agent.value = "";
    if (failed) failed.checked = false;
    apply();
  };
  for (const control of [tool, agent, failed, ...verdicts]) if (control) control.addEventListener("change", apply);
  const setOpen = (open) => { for (const row of rows) if (!row.hidden) row.open = open; };
  document.getElementById("f-expand")?.addEventListener("click", () => setOpen(true));
  document.getElementById("f-collapse")?.addEventListener("click", () => setOpen(false));
  document.getElementById("f-reset")?.addEventListener("click", reset);
  const openTarget = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id.startsWith("ev-") ? document.getElementById(id) : null;
    if (!target || target.tagName !== "DETAILS") return;
    if (target.hidden) reset();
    target.open = true;
    target.scrollIntoView({ block: "start" });
  };
  window.addEventListener("hashchange", openTarget);
  // A link to the entry already in the address bar changes no hash: open it all the same.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#ev-"]') : null;
    if (link && link.getAttribute("href") === location.hash) openTarget();
  });
  apply();
  openTarget();
})();`;
