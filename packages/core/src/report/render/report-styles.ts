/** The report's stylesheet: a light theme, system fonts only (nothing is fetched), compact tables. */
export const REPORT_STYLES = `
:root{--bg:#f4f5f7;--card:#fff;--line:#e2e5ea;--line-soft:#eef0f3;--text:#1a1f26;--muted:#5c6673;--faint:#8a93a0;
--accent:#2753c9;--code-bg:#f6f8fa;--ok:#16703c;--ok-bg:#e5f5eb;--warn:#8a5300;--warn-bg:#fff2cf;--warn-line:#e8a317;
--bad:#b42318;--bad-bg:#fde7e6;--bad-line:#d92d20;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace}
*{box-sizing:border-box}
html{scroll-padding-top:64px}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
.wrap{max-width:1200px;margin:0 auto;padding:0 24px 56px}
code,pre,.mono{font-family:var(--mono);font-size:12.5px}
code{background:var(--code-bg);border:1px solid var(--line-soft);border-radius:4px;padding:0 4px;overflow-wrap:anywhere}
h1,h2,h3,h4{margin:0;font-weight:650;letter-spacing:-.01em}
.muted{color:var(--muted)}
.top{background:var(--card);border-bottom:1px solid var(--line)}
.top .wrap{padding-top:20px;padding-bottom:18px}
.brand{font-size:11.5px;font-weight:700;letter-spacing:.12em;text-transform:uppercase;color:var(--faint)}
.title{display:flex;align-items:center;gap:12px;flex-wrap:wrap;margin:6px 0 14px}
.title h1{font-size:24px}
.chip{display:inline-block;font:12px/1.6 var(--mono);background:var(--code-bg);border:1px solid var(--line);border-radius:999px;padding:0 9px;color:var(--muted);white-space:nowrap}
.health{margin-left:auto;font-size:13px;font-weight:700;border-radius:999px;padding:3px 12px 3px 10px;text-transform:uppercase;letter-spacing:.06em}
.health::before{content:"";display:inline-block;width:8px;height:8px;border-radius:50%;background:currentColor;margin-right:7px;vertical-align:1px}
.h-clean{color:var(--ok);background:var(--ok-bg)}.h-warned{color:var(--warn);background:var(--warn-bg)}.h-blocked{color:var(--bad);background:var(--bad-bg)}
.meta{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:8px 24px;margin:0}
.meta div{min-width:0}.meta dt{font-size:11.5px;color:var(--faint);text-transform:uppercase;letter-spacing:.06em}
.meta dd{margin:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
nav.toc{position:sticky;top:0;z-index:5;background:rgba(244,245,247,.94);backdrop-filter:blur(4px);border-bottom:1px solid var(--line)}
nav.toc .wrap{display:flex;gap:4px;padding-top:6px;padding-bottom:6px;overflow-x:auto}
nav.toc a{color:var(--muted);text-decoration:none;font-size:13px;font-weight:550;padding:4px 10px;border-radius:6px;white-space:nowrap}
nav.toc a:hover{background:var(--card);color:var(--text)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:12px;margin:20px 0}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.stat .n{font-size:22px;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.25}
.stat .l{font-size:12px;color:var(--muted)}
.stat.bad{border-color:#f5b9b4;background:#fffafa}.stat.bad .n{color:var(--bad)}
.stat.warn{border-color:#f2d38a;background:#fffdf6}.stat.warn .n{color:var(--warn)}
section.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:16px 0}
section.card>h2{font-size:16px;margin-bottom:12px;display:flex;align-items:baseline;gap:8px}
h2 .btns{margin-left:auto;display:inline-flex;gap:6px}
h2 button{font:inherit;font-size:12.5px;font-weight:500;padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer;color:var(--text)}
h2 button:hover{background:var(--code-bg)}
h2 .count{font-size:13px;font-weight:500;color:var(--faint)}
h3{font-size:13.5px;margin:14px 0 8px}
.cols{display:grid;grid-template-columns:minmax(0,1.2fr) minmax(0,1fr);gap:16px;align-items:start;margin:16px 0}
.cols section.card{margin:0}
table.grid{width:100%;border-collapse:collapse;font-size:13px}
table.grid th{text-align:left;font-weight:600;color:var(--muted);font-size:12px;border-bottom:1px solid var(--line);padding:6px 10px;white-space:nowrap}
table.grid td{border-bottom:1px solid var(--line-soft);padding:6px 10px;vertical-align:top}
table.grid tr:last-child td{border-bottom:0}
table.grid tfoot td{border-top:1px solid var(--line);font-weight:650}
.num{text-align:right!important;font-variant-numeric:tabular-nums;white-space:nowrap}
.bar{display:inline-block;height:6px;border-radius:3px;background:#9db4ea;vertical-align:middle;margin-right:8px}
.empty{color:var(--faint);font-style:italic;margin:4px 0}
.notes{margin:10px 0 0;padding:8px 12px;background:var(--warn-bg);border-radius:6px;color:var(--warn);font-size:12.5px}
.notes li{margin-left:16px}
.pill{display:inline-block;font-size:11.5px;font-weight:650;line-height:18px;border-radius:999px;padding:0 8px;white-space:nowrap}
.v-allowed{color:#4d7a5e;background:transparent;padding-left:0;font-weight:550}.v-warned{color:var(--warn);background:var(--warn-bg)}.v-blocked{color:#fff;background:var(--bad-line)}
.o-failed{color:var(--bad);background:var(--bad-bg)}.o-no_result{color:var(--muted);background:var(--line-soft)}
.s-low{color:#35506e;background:#e6eef7}.s-medium{color:var(--warn);background:var(--warn-bg)}.s-high{color:#a3360a;background:#fde6d8}.s-critical{color:#fff;background:#912018}
.unknown{color:var(--warn);font-style:italic}
.stat .unknown{font-style:normal}
.finding-list{list-style:none;margin:0;padding:0}
.finding-list li{display:grid;grid-template-columns:78px 190px minmax(0,1fr);gap:10px;align-items:start;padding:8px 0;border-bottom:1px solid var(--line-soft)}
.finding-list .pill{justify-self:start}
.finding-list li:last-child{border-bottom:0}
.finding-list a{color:var(--accent);text-decoration:none;font-weight:600}
.filters{position:sticky;top:41px;z-index:4;display:flex;flex-wrap:wrap;align-items:center;gap:8px 18px;padding:9px 12px;margin-bottom:8px;background:#f8f9fb;border:1px solid var(--line);border-radius:8px;font-size:13px}
.filters label{display:inline-flex;align-items:center;gap:5px;cursor:pointer}
.filters select{font:inherit;max-width:190px;padding:3px 6px;border:1px solid var(--line);border-radius:6px;background:#fff}
.filters .shown{margin-left:auto;color:var(--muted);font-size:12.5px}
.ev{border-bottom:1px solid var(--line-soft);border-left:3px solid transparent}
.many>.ev{content-visibility:auto;contain-intrinsic-size:auto 31px}
.ev.warned{border-left-color:var(--warn-line)}.ev.blocked{border-left-color:var(--bad-line)}
.ev>summary{display:grid;grid-template-columns:12px 34px 56px 150px minmax(0,1fr) auto 62px 70px;gap:10px;align-items:center;padding:5px 10px;cursor:pointer;list-style:none;font-size:13px}
.ev>summary::-webkit-details-marker{display:none}
.ev>summary::before{content:"▸";color:var(--faint);font-size:11px}
.ev[open]>summary::before{content:"▾"}
.ev>summary:hover{background:#f7f9fc}
.ev .id,.ev .t{color:var(--faint);font:12px var(--mono)}
.srv{font-weight:400;color:var(--muted)}
.ev .tool{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ev .what{font:12.5px var(--mono);color:#39424e;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ev .dur{color:var(--muted);font-size:12px;text-align:right;font-variant-numeric:tabular-nums}
.tags{display:flex;gap:6px;justify-content:flex-end}
.agent{font:11px/17px var(--mono);color:#5b3fa8;background:#f1ecfd;border-radius:4px;padding:0 6px;white-space:nowrap}
.ev-body{padding:6px 16px 14px 36px;background:#fbfcfd;border-top:1px solid var(--line-soft)}
.ev-body h4{font-size:11.5px;text-transform:uppercase;letter-spacing:.07em;color:var(--faint);margin:12px 0 6px}
table.findings td:nth-child(2) code{white-space:nowrap}
table.findings td:last-child{width:38%}
.reason{margin:8px 0 0;padding:8px 12px;border-radius:6px;background:var(--bad-bg);color:#7a1a12}
.ev.warned .reason{background:var(--warn-bg);color:#6b4100}
mark{background:#ffe08a;color:inherit;border-radius:2px;box-shadow:0 0 0 1px #f0c24b}
.ev.blocked mark{background:#ffd2cc;box-shadow:0 0 0 1px #f19a90}
pre.code{margin:0;padding:8px 10px;background:var(--code-bg);border:1px solid var(--line-soft);border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:28em;overflow:auto;line-height:1.45}
pre.err,pre.del{background:#fff5f4;border-color:#f8d4d0}pre.add{background:#f0fbf3;border-color:#cdebd6}
.label{font-size:11.5px;color:var(--muted);margin:8px 0 3px}
.cut{font-size:12px;color:var(--warn);margin:4px 0 0}
.hid{font:10px var(--mono);color:#fff;background:#8a3ffc;border-radius:3px;padding:0 3px;margin:0 1px}
dl.kv{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:6px 14px;margin:0}
dl.kv dt{font:12px var(--mono);color:var(--muted);padding-top:2px}dl.kv dd{margin:0;min-width:0}
.facts{display:flex;flex-wrap:wrap;gap:2px 16px;font-size:12px;color:var(--muted);margin-top:12px}
.msg{display:grid;grid-template-columns:150px minmax(0,1fr);gap:14px;padding:10px 0;border-bottom:1px solid var(--line-soft)}
.msg:last-child{border-bottom:0}
.who{font-size:12.5px;font-weight:650}.who .t{display:block;font:11.5px var(--mono);color:var(--faint);font-weight:400;overflow-wrap:anywhere}
.msg.user .who{color:var(--accent)}.msg.assistant .who{color:#3a4350}
.bubble{white-space:pre-wrap;overflow-wrap:anywhere;max-height:24em;overflow:auto;padding:8px 12px;border-radius:8px;background:#f7f8fa;border:1px solid var(--line-soft)}
.msg.user .bubble{background:#f1f5fe;border-color:#dbe5fb}
.msg.sub{padding-left:28px}
.files{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px}
.files ul{list-style:none;margin:0;padding:0;font:12.5px/1.7 var(--mono);max-height:26em;overflow:auto}
.files li{overflow-wrap:anywhere}
.commit-list{list-style:none;margin:0;padding:0}
.commit{padding:14px 0;border-bottom:1px solid var(--line-soft)}
.commit:first-child{padding-top:2px}.commit:last-child{border-bottom:0;padding-bottom:0}
.commit.replaced .commit-head,.commit.replaced .share{opacity:.7}
.commit-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px}
.commit-head .sha{font-weight:650;color:var(--accent)}
.commit-head .subject{font-weight:650;overflow-wrap:anywhere}
.commit-head .tag{font-size:12.5px;color:#5b3fa8}
.commit-head .tag.muted{color:var(--faint)}
.commit-head .t{margin-left:auto;font:12px var(--mono);color:var(--faint)}
.share{display:flex;align-items:center;flex-wrap:wrap;gap:6px 14px;margin:10px 0 8px}
.share-n{font-size:20px;font-weight:650;font-variant-numeric:tabular-nums;min-width:74px;line-height:1.2}
.share-n span{font-size:12px;font-weight:600;color:var(--muted)}
.share-bar{display:flex;width:280px;max-width:100%;height:10px;border-radius:5px;overflow:hidden;background:var(--line-soft)}
.share-bar span{display:block;height:100%}
.legend{display:inline-flex;flex-wrap:wrap;gap:2px 14px;font-size:12.5px}
.legend .key{display:inline-flex;align-items:center;gap:5px;font-variant-numeric:tabular-nums}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px}
.by-ai{background:#6e56cf}.by-mixed{background:#b9a9f0}.by-human{background:#3c9a68}.by-unknown{background:#c4cad3}
table.commit-files{font-size:12.5px}table.commit-files .num{width:86px}
table.commit-files td:first-child{overflow-wrap:anywhere}
.commit .facts{margin-top:8px}
.commit-flagged{margin-top:6px;border-top:1px solid var(--line-soft)}
.turn{border-top:2px solid var(--line);padding-top:4px;margin-top:10px}
.turn:first-of-type{border-top:0;margin-top:0}
.turn-head{font-size:12.5px;color:var(--muted);padding:6px 0 2px;display:flex;flex-wrap:wrap;gap:2px 6px;align-items:baseline}
.turn-head b{color:var(--text)}.turn-agents{flex-basis:100%;font-size:12px}
.turn-agents a.agent{text-decoration:none}
.step{margin:4px 0 4px 164px;font-size:12.5px}
.step.resp{color:var(--faint);font-size:12px}.step.resp code{font-size:11.5px;background:none;border:0;padding:0;color:var(--muted)}
.step.resp .t{font:11.5px var(--mono)}
.step.call{padding:3px 10px;border-left:3px solid #c9d3e6;background:#fafbfd;border-radius:0 6px 6px 0}
.step.call.warned{border-left-color:var(--warn-line)}.step.call.blocked{border-left-color:var(--bad-line)}
.step.call a{color:var(--text);text-decoration:none}.step.call a:hover .call-what,.step.call a:focus .call-what{text-decoration:underline}
.call-tool{font-weight:650}.call-what{font:12px var(--mono);color:#39424e;overflow-wrap:anywhere}
details.thinking>summary{cursor:pointer;color:var(--muted);font-style:italic}
details.thinking .bubble{margin-top:4px;background:#fbfaf5;border-color:#efe9d6;font-size:12.5px;color:#4a4a40}
.step.thinking.muted{font-style:italic}
.step.compaction{margin-left:0;padding:8px 12px;border:1px dashed #b9a9f0;border-radius:6px;background:#f7f4ff;color:#4b3a8c}
.step.omitted{margin-left:0;padding:10px 12px;border:1px dashed var(--line);border-radius:6px;text-align:center;color:var(--muted);background:#fafbfc}
table.turns td{vertical-align:middle}
table.turns .prompt-cell{max-width:340px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
table.turns .tools-cell{font-size:12px;color:var(--muted);max-width:200px}
table.turns td a{color:var(--accent);font-weight:600;text-decoration:none}
tr.omitted-row td{text-align:center;color:var(--muted);background:#fafbfc;font-style:italic}
.axis-legend{margin:0 0 8px}
.axis-legend i{display:inline-block;width:14px;height:10px;border-radius:2px}
.axis-frame{display:grid;grid-template-columns:140px minmax(0,1fr);border:1px solid var(--line-soft);border-radius:8px;background:#fcfcfd}
.axis-labels{position:relative;border-right:1px solid var(--line-soft)}
.axis-label{position:absolute;left:8px;right:6px;font-size:11.5px;font-weight:600;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis;line-height:14px}
.axis-label small{font:10.5px var(--mono);font-weight:400;color:var(--faint);margin-left:4px}
.axis-scroll{overflow-x:auto;overflow-y:hidden}
.axis{position:relative;margin:0 10px}
.axis-bar{position:absolute;height:16px;border-radius:3px;outline-offset:1px}
.ab-allowed{background:#7f9fdc}.ab-warned{background:var(--warn-line)}.ab-blocked{background:var(--bad-line)}
.ab-failed{box-shadow:inset 0 0 0 2px var(--bad-line)}
.axis-bar:hover,.axis-bar:focus-visible{outline:2px solid var(--text);z-index:3}
.axis-bar .tip{display:none;position:absolute;left:0;top:20px;z-index:4;min-width:220px;max-width:420px;padding:5px 8px;border-radius:6px;background:#1f2630;color:#fff;font-size:12px;line-height:1.4;white-space:normal;pointer-events:none}
.axis-bar.tip-left .tip{left:auto;right:0}
.axis-bar:hover .tip,.axis-bar:focus .tip{display:block}
.axis-mark{position:absolute;width:2px;height:8px;background:#6e56cf;border-radius:1px;z-index:3}
.axis-mark-key{background:#6e56cf;width:3px!important}
.axis-turn{position:absolute;top:0;border-left:1px dashed #9aa6b8;padding-left:3px;font:10.5px/16px var(--mono);color:var(--accent);text-decoration:none;z-index:1}
.axis-turn-key{border-left:1px dashed #9aa6b8;width:2px!important;border-radius:0!important}
.axis-break{position:absolute;top:18px;background:repeating-linear-gradient(135deg,#eef0f3 0 4px,#fff 4px 8px);border-left:1px solid #c4cad3;border-right:1px solid #c4cad3;display:flex;align-items:center;justify-content:center;z-index:2}
.axis-break span{writing-mode:vertical-rl;transform:rotate(180deg);font-size:11px;color:var(--muted);background:#fff;padding:3px 0;white-space:nowrap}
.axis-break-key{background:repeating-linear-gradient(135deg,#dfe3e8 0 3px,#fff 3px 6px);border:1px solid #c4cad3}
.axis-tick{position:absolute;font:11px var(--mono);color:var(--faint);border-left:1px solid var(--line);padding-left:3px;height:16px}
footer{color:var(--faint);font-size:12px;text-align:center;margin-top:28px}
[hidden]{display:none!important}
@media (max-width:860px){.meta{grid-template-columns:repeat(2,minmax(0,1fr))}.cols,.files{grid-template-columns:1fr}
.ev>summary{grid-template-columns:12px 34px 120px minmax(0,1fr) 70px}.ev .t,.ev .dur,.ev .tags{display:none}.step{margin-left:0}}
@media print{nav.toc,.filters{display:none}.many>.ev{content-visibility:visible}}
`;
