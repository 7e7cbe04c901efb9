/**
 * Version 3: the commits sessions made (checkpoint records), with how many of their added lines
 * the model wrote and what the session did on the way to each (its segment), and a view that
 * puts each commit beside its session's developer and project.
 */
export const CHECKPOINTS_SQL = `
create table warden.checkpoints (
  session_id text not null references warden.sessions on delete cascade,
  record_id integer not null,
  commit text not null,
  parents text[] not null default '{}',
  branch text,
  amend_of text,
  repo text not null,
  repo_root text,
  subject text not null,
  tool_use_id text,
  committed_at timestamptz not null,
  lines_added integer not null,
  lines_ai integer not null,
  lines_mixed integer not null,
  lines_human integer not null,
  lines_unknown integer not null,
  files jsonb not null default '[]',
  prompts integer,
  events integer,
  warned integer,
  blocked integer,
  cost_usd numeric(14, 6),
  segment jsonb,
  note text not null,
  primary key (session_id, record_id)
);
comment on column warden.checkpoints.repo is 'the repository folder''s name (repo_root is its path on the developer''s machine)';
comment on column warden.checkpoints.committed_at is 'when the session saw the commit made (its checkpoint record''s time)';
comment on column warden.checkpoints.files is 'per file: path, added, ai, mixed, human, unknown (the first 1,000 files; the lines_ columns count them all)';
comment on column warden.checkpoints.events is 'tool events of the session between its previous checkpoint and this commit; null when the segment is unknown';
comment on column warden.checkpoints.cost_usd is 'what that part of the session cost; null when unknown or a model has no price';
comment on column warden.checkpoints.note is 'written, off, or why the git note could not be written';

create index checkpoints_commit on warden.checkpoints (commit);
create index checkpoints_committed_at on warden.checkpoints (committed_at);

create view warden.commits as
select c.*, s.user_name, s.machine, s.project,
  case when c.lines_added > 0 then round(c.lines_ai::numeric / c.lines_added, 4) end as ai_share
from warden.checkpoints c join warden.sessions s using (session_id);
`;
