import path from "node:path";
import { commitsOfRange, commitStories, commitStory, findRepository, shareOf, sumLines, type CommitStory } from "@warden/core";
import { CliFailure, CliUsageError } from "../cli-io.js";
import { defineCommand } from "../define-command.js";
import { EXIT } from "../exit-status.js";
import { formatCost, formatTable, oneLine, toJson } from "../format.js";
import { DATA_OPTIONS } from "../parse-command.js";
import { localSessions, type LocalSessions, type SegmentCall } from "../local-sessions.js";
import { dataLookupCwd, dirArg, withGit } from "./blame.js";

const MAX_RANGE_COMMITS = 1_000;

export const WHY = defineCommand({
  name: "why",
  synopsis: "COMMIT | FROM..TO",
  summary: "the sessions behind a commit (or a range, as a pull request's), their prompts, tool calls, verdicts and cost",
  details: `reads the Warden notes on the commits (refs/notes/warden); the tool calls of a segment come from
this machine's records when it made them. A range (main..HEAD) gives each commit and the totals: the AI
share of the lines and every call the guard warned about or blocked behind them`,
  maxPositionals: 1,
  options: {
    ...DATA_OPTIONS,
    repo: { type: "string", value: "DIR", help: "the repository (default: the one around the cwd)" },
  },
  run: ({ values, positionals }, io) => {
    const target = positionals[0];
    if (target == null || target === "") throw new CliUsageError("give a commit or a range: warden why HEAD, warden why main..HEAD");
    const repo = findRepository(path.resolve(io.cwd, values.repo ?? "."));
    if (repo == null) throw new CliFailure(`${path.resolve(io.cwd, values.repo ?? ".")} is not in a git repository`);
    const local = localSessions(dirArg(values.dir, io), { ...io, cwd: dataLookupCwd(io.cwd, repo.root) });
    if (target.includes("..")) {
      const commits = withGit(() => commitStories(repo.root, commitsOfRange(repo.root, target, MAX_RANGE_COMMITS))).map((story) =>
        withLocalCalls(story, local),
      );
      const range = rangeSummary(target, commits);
      io.out(values.json ? toJson(range) : formatRange(range));
      return EXIT.yes;
    }
    const story = withLocalCalls(
      withGit(() => commitStory(repo.root, target)),
      local,
    );
    io.out(values.json ? toJson(story) : formatStory(story).join("\n"));
    return EXIT.yes;
  },
});

type LocalStory = CommitStory & {
  readonly sessions: readonly (CommitStory["sessions"][number] & { readonly calls: SegmentCall[] | null })[];
};

/** Each committing session's segment with its tool calls, when this machine recorded them. */
function withLocalCalls(story: CommitStory, local: LocalSessions): LocalStory {
  return {
    ...story,
    sessions: story.sessions.map((s) => ({
      ...s,
      prompts: s.prompts.map((p) => ({ ...p, text: p.text ?? (p.prompt_id == null ? null : local.promptOf(s.session_id, p.prompt_id)) })),
      calls: s.segment == null ? null : local.eventsOf(s.session_id, s.segment.records.from, s.segment.records.to),
    })),
  };
}

function rangeSummary(range: string, commits: readonly LocalStory[]) {
  return {
    range,
    commits,
    noted_commits: commits.filter((c) => c.noted).length,
    lines: shareOf(sumLines(commits.map((c) => c.lines))),
    sessions: [...new Set(commits.flatMap((c) => c.sessions.map((s) => s.session_id)))],
    cost_usd: commits.reduce((n, c) => n + c.sessions.reduce((m, s) => m + (s.segment?.cost_usd ?? 0), 0), 0),
    findings: commits.flatMap((c) => c.findings.map((f) => ({ ...f, commit: c.commit }))),
  };
}

function percent(share: number | null): string {
  return share == null ? "-" : `${Math.round(share * 100)}%`;
}

function formatStory(story: LocalStory): string[] {
  const lines = [`commit ${story.commit}`, `  ${story.subject}`, `  committed ${story.committed_at}`];
  if (!story.noted) return [...lines, "", "  no Warden note: no recorded session made this commit"];
  if (story.rewritten_from != null) lines.push(`  note carried from ${story.rewritten_from.slice(0, 12)} (amended or rebased)`);
  const l = story.lines;
  lines.push("", `lines added ${l.added}: ${l.ai} ai (${percent(l.ai_share)}), ${l.mixed} mixed, ${l.human} human, ${l.unknown} unknown`);
  lines.push(
    ...formatTable(
      ["file", "added", "ai", "mixed", "human", "unknown"],
      story.files.map((f) => [f.path, ...[f.added, f.ai, f.mixed, f.human, f.unknown].map(String)]),
      ["left", "right", "right", "right", "right", "right"],
    ).map((r) => `  ${r}`),
  );
  for (const s of story.sessions) {
    lines.push("", `session ${s.session_id} (${s.roles.join(", ")})${s.models.length > 0 ? `  model ${s.models.join(", ")}` : ""}`);
    for (const p of s.prompts) lines.push(`  prompt: ${p.text == null ? "(not recorded here)" : oneLine(p.text, 160)}`);
    const seg = s.segment;
    if (seg != null) {
      lines.push(
        `  segment: ${seg.events} tool calls (${seg.verdicts.allowed} allowed, ${seg.verdicts.warned} warned, ${seg.verdicts.blocked} blocked), ${seg.prompts} prompts, cost ${seg.cost_usd == null ? "unknown" : formatCost(seg.cost_usd)}`,
      );
      for (const c of s.calls ?? [])
        lines.push(
          `    #${c.record_id} ${c.verdict.padEnd(7)} ${c.tool_name}: ${oneLine(c.what, 120)}${c.rules.length > 0 ? `  [${c.rules.join(", ")}]` : ""}`,
        );
      if (s.calls == null)
        for (const f of seg.flagged)
          lines.push(`    #${f.record_id} ${f.verdict.padEnd(7)} ${f.tool_name}: ${oneLine(f.what, 120)}  [${f.rules.join(", ")}]`);
    }
  }
  return lines;
}

function formatRange(range: ReturnType<typeof rangeSummary>): string {
  const rows = range.commits.map((c) => [
    c.commit.slice(0, 8),
    c.noted ? percent(c.lines.ai_share) : "no note",
    String(c.lines.added),
    String(c.findings.length),
    oneLine(c.subject, 70),
  ]);
  const l = range.lines;
  return [
    `range ${range.range}: ${range.commits.length} commits, ${range.noted_commits} made in recorded sessions`,
    `lines added ${l.added}: ${l.ai} ai (${percent(l.ai_share)}), ${l.mixed} mixed, ${l.human} human, ${l.unknown} unknown; sessions ${range.sessions.length}, cost ${formatCost(range.cost_usd)}`,
    "",
    ...formatTable(["commit", "ai", "added", "flagged", "subject"], rows, ["left", "right", "right", "right"]),
    ...(range.findings.length === 0
      ? []
      : [
          "",
          "guard findings behind these commits:",
          ...range.findings.map(
            (f) => `  ${f.commit.slice(0, 8)} ${f.verdict} ${f.tool_name}: ${oneLine(f.what, 100)} [${f.rules.join(", ")}]`,
          ),
        ]),
  ].join("\n");
}
