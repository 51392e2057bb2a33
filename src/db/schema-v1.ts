/** The register's first schema: agencies, calendar, applications and their events, table A and C registers, report texts, year locks, audit trail. */
export const SCHEMA_V1 = `
create table agencies (
  id serial primary key,
  name text not null unique,
  parent_id int references agencies(id),
  created_at timestamptz not null default now()
);

create table calendar_days (day date primary key, working boolean not null, name text not null);
create table calendar_years (year int primary key, source text not null, imported_at timestamptz not null default now());

create table applications (
  id serial primary key,
  agency_id int not null references agencies(id),
  reference text,
  applicant_kind text not null check (applicant_kind in ('natural','business','research','social','legal','other_org')),
  applicant_name text not null,
  applicant_contact text not null default '',
  channel text not null check (channel in ('in_person','registered_mail','ordinary_mail','online','fax','other')),
  submitted_on date not null,
  received_on date not null,
  content text not null,
  state text not null default 'received',
  outcome text,
  closed_on date,
  clock_start date not null,
  extension_days int not null default 0 check (extension_days between 0 and 20),
  created_at timestamptz not null default now(),
  unique (agency_id, reference),
  check (received_on >= submitted_on),
  check ((closed_on is null) = (outcome is null)),
  check (closed_on is null or closed_on >= received_on)
);
create index applications_agency_received on applications (agency_id, received_on);
create index applications_agency_closed on applications (agency_id, closed_on);

create table application_events (
  id serial primary key,
  application_id int not null references applications(id),
  kind text not null,
  on_date date not null,
  actor text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index application_events_application on application_events (application_id, id);

create table proactive_stats (
  agency_id int not null references agencies(id),
  year int not null,
  key text not null,
  value numeric not null,
  primary key (agency_id, year, key)
);

create table reviews (
  id serial primary key,
  agency_id int not null references agencies(id),
  application_id int references applications(id),
  kind text not null check (kind in ('review','suit_direct','suit_after_review')),
  filed_on date not null,
  result text check (result in ('upheld','corrected','other')),
  closed_on date,
  note text not null default '',
  check ((result is null) = (closed_on is null)),
  check (closed_on is null or closed_on >= filed_on)
);
create index reviews_agency_filed on reviews (agency_id, filed_on);

create table report_texts (
  agency_id int not null references agencies(id),
  year int not null,
  section int not null check (section between 1 and 6),
  text text not null,
  primary key (agency_id, year, section)
);

create table year_locks (
  agency_id int not null references agencies(id),
  year int not null,
  actor text not null,
  locked_at timestamptz not null default now(),
  primary key (agency_id, year)
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  table_name text not null,
  row_key text not null,
  action text not null,
  before jsonb,
  after jsonb
);
create index audit_log_row on audit_log (table_name, row_key);

create function gongkai_audit() returns trigger language plpgsql as $$
declare
  who text := coalesce(nullif(current_setting('gongkai.actor', true), ''), 'system');
  old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  r jsonb := coalesce(new_row, old_row);
  k text := coalesce(r->>'id', concat_ws('/', r->>'agency_id', r->>'year', r->>'key', r->>'section', r->>'day'));
begin
  insert into audit_log (actor, table_name, row_key, action, before, after) values (who, tg_table_name, k, lower(tg_op), old_row, new_row);
  return coalesce(new, old);
end $$;

create trigger audit_agencies after insert or update or delete on agencies for each row execute function gongkai_audit();
create trigger audit_calendar_days after insert or update or delete on calendar_days for each row execute function gongkai_audit();
create trigger audit_applications after insert or update or delete on applications for each row execute function gongkai_audit();
create trigger audit_application_events after insert or update or delete on application_events for each row execute function gongkai_audit();
create trigger audit_proactive_stats after insert or update or delete on proactive_stats for each row execute function gongkai_audit();
create trigger audit_reviews after insert or update or delete on reviews for each row execute function gongkai_audit();
create trigger audit_report_texts after insert or update or delete on report_texts for each row execute function gongkai_audit();
create trigger audit_year_locks after insert or update or delete on year_locks for each row execute function gongkai_audit();

-- What an application contributes to the report of a year: nothing when received after the
-- year or closed before it; otherwise its applicant kind, whether it is new that year, and its
-- outcome if closed within the year.
create function gongkai_application_share(kind text, received date, closed date, outcome text, y int) returns text language sql immutable as $$
  select case
    when received > make_date(y, 12, 31) then null
    when closed is not null and closed < make_date(y, 1, 1) then null
    else concat_ws('|', kind, (extract(year from received) = y)::text, case when closed is not null and closed <= make_date(y, 12, 31) then outcome else 'open' end)
  end
$$;

create function gongkai_review_share(kind text, filed date, result text, closed date, y int) returns text language sql immutable as $$
  select case
    when extract(year from filed) <> y then null
    else concat_ws('|', kind, case when closed is not null and closed <= make_date(y, 12, 31) then result else 'pending' end)
  end
$$;

-- A published (locked) year's report must not change: refuse any change that would.
create function gongkai_year_lock() returns trigger language plpgsql as $$
declare
  agency int;
  y int;
begin
  if tg_table_name = 'application_events' then
    select a.agency_id into agency from applications a where a.id = coalesce(new.application_id, old.application_id);
    for y in select l.year from year_locks l where l.agency_id = agency loop
      if (tg_op <> 'INSERT' and extract(year from old.on_date) <= y) or (tg_op <> 'DELETE' and extract(year from new.on_date) <= y) then
        raise exception 'gongkai:locked:%', y;
      end if;
    end loop;
    return coalesce(new, old);
  end if;
  agency := case when tg_op = 'DELETE' then old.agency_id else new.agency_id end;
  for y in select l.year from year_locks l where l.agency_id in (agency, case when tg_op = 'UPDATE' then old.agency_id end) loop
    if tg_table_name = 'applications' then
      if (case when tg_op = 'INSERT' then null else gongkai_application_share(old.applicant_kind, old.received_on, old.closed_on, old.outcome, y) end)
         is distinct from
         (case when tg_op = 'DELETE' then null else gongkai_application_share(new.applicant_kind, new.received_on, new.closed_on, new.outcome, y) end) then
        raise exception 'gongkai:locked:%', y;
      end if;
    elsif tg_table_name = 'reviews' then
      if (case when tg_op = 'INSERT' then null else gongkai_review_share(old.kind, old.filed_on, old.result, old.closed_on, y) end)
         is distinct from
         (case when tg_op = 'DELETE' then null else gongkai_review_share(new.kind, new.filed_on, new.result, new.closed_on, y) end) then
        raise exception 'gongkai:locked:%', y;
      end if;
    elsif (tg_op <> 'INSERT' and old.year = y) or (tg_op <> 'DELETE' and new.year = y) then
      raise exception 'gongkai:locked:%', y;
    end if;
  end loop;
  return coalesce(new, old);
end $$;

create trigger lock_applications before insert or update or delete on applications for each row execute function gongkai_year_lock();
create trigger lock_application_events before insert or update or delete on application_events for each row execute function gongkai_year_lock();
create trigger lock_reviews before insert or update or delete on reviews for each row execute function gongkai_year_lock();
create trigger lock_proactive_stats before insert or update or delete on proactive_stats for each row execute function gongkai_year_lock();
create trigger lock_report_texts before insert or update or delete on report_texts for each row execute function gongkai_year_lock();
`;
