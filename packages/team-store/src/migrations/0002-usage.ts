/**
 * Version 2: tokens and cost per model (what the team's bill is made of), the order findings
 * are listed in, and a view that sums each session the way `warden team sessions` shows it.
 */
export const USAGE_SQL = `
create table warden.usage (
  session_id text not null references warden.sessions on delete cascade,
  model text not null,
  input_tokens bigint not null,
  output_tokens bigint not null,
  cache_creation_input_tokens bigint not null,
  cache_read_input_tokens bigint not null,
  api_calls integer not null,
  cost_usd numeric(14, 6),
  primary key (session_id, model)
);

create index findings_found_at on warden.findings (found_at);

create view warden.session_totals as
select s.*,
  coalesce(e.events, 0) as events,
  coalesce(e.allowed, 0) as allowed,
  coalesce(e.warned, 0) as warned,
  coalesce(e.blocked, 0) as blocked,
  coalesce(p.prompts, 0) as prompts,
  coalesce(f.findings, 0) as findings
from warden.sessions s
left join (
  select session_id, count(*) as events,
    count(*) filter (where verdict = 'allowed') as allowed,
    count(*) filter (where verdict = 'warned') as warned,
    count(*) filter (where verdict = 'blocked') as blocked
  from warden.events group by session_id
) e using (session_id)
left join (select session_id, count(*) as prompts from warden.prompts group by session_id) p using (session_id)
left join (select session_id, count(*) as findings from warden.findings group by session_id) f using (session_id);
`;
