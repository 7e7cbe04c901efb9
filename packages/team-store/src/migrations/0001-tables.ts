/**
 * Version 1: the tables. Everything lives in the `warden` schema so the store sits beside a
 * team's own tables without colliding. Rows are keyed by what the machine that made them knows
 * (session id, record id), which is what makes a resent batch a no-op.
 */
export const TABLES_SQL = `
create table warden.store_info (
  store_id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now()
);
insert into warden.store_info default values;

create table warden.sessions (
  session_id text primary key,
  user_name text not null,
  machine text not null,
  project text not null,
  project_dir text,
  git_branch text,
  git_commit text,
  started_at timestamptz,
  ended_at timestamptz,
  end_reason text,
  cost_usd numeric(14, 6),
  warden_version text,
  first_shipped_at timestamptz not null default now(),
  last_shipped_at timestamptz not null default now()
);
comment on column warden.sessions.cost_usd is 'null while unknown: the session has no report yet, or a model has no price';

create table warden.events (
  session_id text not null references warden.sessions on delete cascade,
  record_id integer not null,
  tool_use_id text,
  tool_name text not null,
  mcp_server text,
  agent_id text,
  prompt_id text,
  outcome text not null,
  verdict text not null,
  severity text,
  rules text[] not null default '{}',
  reason text,
  started_at timestamptz not null,
  ended_at timestamptz,
  duration_ms double precision,
  scan_time_ms double precision,
  is_error boolean not null default false,
  working_dir text,
  files text[] not null default '{}',
  tool_input jsonb,
  output_preview text,
  output_bytes integer,
  primary key (session_id, record_id)
);

create table warden.prompts (
  session_id text not null references warden.sessions on delete cascade,
  record_id integer not null,
  prompt_id text,
  submitted_at timestamptz not null,
  verdict text not null,
  prompt text,
  primary key (session_id, record_id)
);

create table warden.findings (
  session_id text not null references warden.sessions on delete cascade,
  record_id integer not null,
  ordinal integer not null,
  subject text not null check (subject in ('tool', 'prompt')),
  tool_name text,
  found_at timestamptz not null,
  verdict text not null,
  rule text not null,
  severity text not null,
  category text,
  message text,
  excerpt text,
  primary key (session_id, record_id, ordinal)
);

create index events_started_at on warden.events (started_at);
create index events_not_allowed on warden.events (verdict, started_at) where verdict <> 'allowed';
create index sessions_started_at on warden.sessions (started_at);
create index sessions_user on warden.sessions (user_name, started_at);
create index sessions_project on warden.sessions (project, started_at);
create index findings_rule on warden.findings (rule, found_at);
`;
