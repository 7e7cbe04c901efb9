import { INDEX_PAGE_ROWS } from "./index-page-script.js";

/**
 * The index page's stylesheet: the session report's palette and type, system fonts only (nothing is
 * fetched). The table has a fixed layout, so thousands of rows lay out without measuring each cell.
 */
export const INDEX_STYLES = `
:root{--bg:#f4f5f7;--card:#fff;--line:#e2e5ea;--line-soft:#eef0f3;--text:#1a1f26;--muted:#5c6673;--faint:#8a93a0;
--accent:#2753c9;--code-bg:#f6f8fa;--warn:#8a5300;--warn-bg:#fff2cf;--bad:#b42318;--bad-bg:#fde7e6;--bad-line:#d92d20;
--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
.wrap{max-width:1440px;margin:0 auto;padding:0 24px 48px}
code{font:12px var(--mono)}
.top{background:var(--card);border-bottom:1px solid var(--line)}
.top .wrap{padding-top:20px;padding-bottom:16px}
.brand{font-size:11.5px;font-weight:700;letter-spacing:.12em;text-transform:uppercase;color:var(--faint)}
h1{font-size:24px;font-weight:650;letter-spacing:-.01em;margin:4px 0 6px}
.facts{margin:0;color:var(--muted);font-size:13px}
.facts code{overflow-wrap:anywhere}
.notes{margin:14px 0 0;padding:8px 12px;background:var(--warn-bg);border-radius:6px;color:var(--warn);font-size:12.5px}
.filters{position:sticky;top:0;z-index:3;display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px 14px;margin:16px 0 8px;padding:10px 12px;background:#f8f9fb;border:1px solid var(--line);border-radius:8px;font-size:12.5px}
.filters label{display:flex;flex-direction:column;gap:2px;color:var(--muted);font-weight:550}
.filters select,.filters input,.filters button{font:inherit;font-size:13px;font-weight:400;color:var(--text);padding:4px 7px;border:1px solid #cfd4db;border-radius:6px;background:#fff}
.filters select{max-width:260px}
.filters select,.filters input{height:30px}
.filters input[type=number]{width:90px}
.filters input[type=search]{width:240px}
.filters button{cursor:pointer}
.filters button:hover{background:var(--code-bg)}
:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.shown{margin:6px 2px 8px;color:var(--muted);font-size:13px;font-variant-numeric:tabular-nums}
.table{background:var(--card);border:1px solid var(--line);border-radius:10px;overflow-x:auto}
table{width:100%;min-width:1160px;border-collapse:collapse;table-layout:fixed;font-size:13px}
caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
th{text-align:left;font-weight:600;color:var(--muted);font-size:12px;border-bottom:1px solid var(--line);padding:8px 10px;white-space:nowrap;background:var(--card)}
th button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th button::after{content:"↕";margin-left:4px;color:#c3c9d2}
th[aria-sort=ascending] button::after{content:"↑";color:var(--accent)}
th[aria-sort=descending] button::after{content:"↓";color:var(--accent)}
th[aria-sort=ascending],th[aria-sort=descending]{color:var(--text)}
td{border-top:1px solid var(--line-soft);padding:6px 10px;vertical-align:top;overflow:hidden}
tbody tr:hover{background:#f7f9fc}
.c-when{width:132px}.c-project{width:11%}.c-session{width:84px}.c-dur{width:78px}.c-models{width:12%}
.c-tokens{width:76px}.c-cost{width:104px}.c-verdicts{width:236px}.c-report{width:66px}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.when{font-variant-numeric:tabular-nums;white-space:nowrap}
.proj{white-space:nowrap;text-overflow:ellipsis;font-weight:550}
.sid code{color:var(--muted)}
.prompt div{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;overflow-wrap:anywhere}
.models{font:11.5px/1.75 var(--mono);color:var(--muted)}
.models span{white-space:nowrap}.models .nop{color:var(--warn)}
.none{color:var(--faint)}
.unpriced{display:block;font-size:11.5px;color:var(--warn);white-space:normal;overflow-wrap:anywhere}
.pill{display:inline-block;font-size:11.5px;font-weight:650;line-height:18px;border-radius:999px;padding:0 7px;margin:0 4px 2px 0;white-space:nowrap}
.v-allowed{color:#4d7a5e;padding-left:0;font-weight:550}.v-warned{color:var(--warn);background:var(--warn-bg)}.v-blocked{color:#fff;background:var(--bad-line)}
.v-unrecorded,.v-unknown{color:var(--faint);font-weight:500;font-style:italic;padding-left:0}
a{color:var(--accent);font-weight:600;text-decoration:none}
a:hover{text-decoration:underline}
.hid{font:10px var(--mono);color:#fff;background:#8a3ffc;border-radius:3px;padding:0 3px;margin:0 1px}
.empty{padding:18px;color:var(--faint);font-style:italic}
footer{color:var(--faint);font-size:12px;text-align:center;margin-top:24px}
.more{display:block;margin:10px auto 0;font:inherit;font-size:13px;padding:6px 16px;border:1px solid #cfd4db;border-radius:6px;background:#fff;color:var(--accent);font-weight:600;cursor:pointer}
.more:hover{background:var(--code-bg)}
[hidden]{display:none!important}
/* Until the script takes over it lists only its first page: laying out thousands of rows it would
   hide at once is the page's slowest moment. Without a script, every row is shown. */
@media (scripting:none){th button{cursor:default}th button::after{display:none}}
@media (scripting:enabled){table:not(.live) tbody tr:nth-child(n+${INDEX_PAGE_ROWS + 1}){display:none}}
@media print{.filters{display:none}}
`;
