/**
 * The seventh migration: the reviewer console (issue 13) — published reports collected into
 * review batches, read and checked, corrected by hand, and their findings carried through a
 * workflow from 待审核 to 归档.
 *
 * - `review_batches`: a reviewer's collection (「2025年度区级部门年报审查」), owned by the level
 *   (agency) of the reviewer who made it. Users see the batches of agencies in their scope.
 * - `review_reports`: one uploaded (or collected) document in a batch. Its bytes are content-
 *   addressed in `crawl_blobs` (migration 6). `report` is the Report exactly as read, with every
 *   cell's provenance, and is never changed; `cells` holds the figures in effect (the read value
 *   or the latest correction), flat key → number|null, which aggregation sums in SQL; `findings`
 *   are the current checks' findings. `status`: pending (stored, not yet read), read, unreadable.
 * - `review_corrections`: a cell corrected by hand, with the reason, who and when, and the value
 *   as read. Append-only (a trigger refuses update and delete); the latest row of a key is in
 *   effect; undoing a correction is a new row with the value as read.
 * - `review_issues`: a finding under review, keyed by its fingerprint (rule + cell keys) so that
 *   it keeps its status when the checks re-run; `present` turns false when the checks no longer
 *   find it (after a correction). Status: open 待审核 → confirmed 已确认 | dismissed 已排除;
 *   confirmed → rectifying 整改中 (assigned to an agency, with a due date) → responded 已反馈
 *   (the agency's response) → archived 已归档 (re-review accepted) or back to rectifying
 *   (returned). `review_issue_events` keeps every transition.
 *
 * Every table is audited (bytes excepted).
 */
export const SCHEMA_V7 = `
create table review_batches (
  id serial primary key,
  owner_agency_id int references agencies(id),
  name text not null check (length(trim(name)) between 1 and 200),
  year int check (year between 2008 and 2100),
  created_by text not null,
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
create index review_batches_owner on review_batches (owner_agency_id);

create table review_reports (
  id serial primary key,
  batch_id int not null references review_batches(id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 255),
  sha256 text not null references crawl_blobs (sha256),
  size int not null check (size >= 0),
  kind text,
  status text not null default 'pending' check (status in ('pending', 'read', 'unreadable')),
  error jsonb,
  agency text,
  agency_level text check (agency_level in ('government', 'department')),
  year int check (year between 2000 and 2100),
  format text,
  published_on date,
  target_agency_id int references agencies(id),
  report jsonb,
  cells jsonb not null default '{}'::jsonb,
  findings jsonb not null default '[]'::jsonb,
  errors int not null default 0,
  warnings int not null default 0,
  analysis_id bigint references analysis_results (id),
  reader_version text,
  created_by text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  unique (batch_id, sha256)
);
create index review_reports_batch on review_reports (batch_id, id);
create index review_reports_pending on review_reports (status) where status = 'pending';
create index review_reports_agency_year on review_reports (agency, year);

create table review_corrections (
  id serial primary key,
  report_id int not null references review_reports(id) on delete cascade,
  key text not null,
  read_value numeric,
  read_raw text,
  value numeric,
  reason text not null check (length(trim(reason)) between 1 and 500),
  corrected_by text not null,
  corrected_at timestamptz not null default now()
);
create index review_corrections_report on review_corrections (report_id, key, id);
create trigger freeze_review_corrections before update on review_corrections for each row execute function gongkai_frozen();
create function gongkai_frozen_unless_cascade() returns trigger language plpgsql as $$
begin
  -- A correction is removed only with its report (a batch deleted as a whole).
  if exists (select 1 from review_reports where id = old.report_id) then
    raise exception 'gongkai:frozen:%', tg_table_name;
  end if;
  return old;
end $$;
create trigger freeze_review_corrections_delete before delete on review_corrections for each row execute function gongkai_frozen_unless_cascade();

create table review_issues (
  id serial primary key,
  report_id int not null references review_reports(id) on delete cascade,
  fingerprint text not null,
  rule text not null,
  severity text not null check (severity in ('error', 'warning', 'info')),
  message text not null,
  keys text[] not null default '{}',
  present boolean not null default true,
  status text not null default 'open' check (status in ('open', 'confirmed', 'dismissed', 'rectifying', 'responded', 'archived')),
  note text,
  assigned_agency_id int references agencies(id),
  due_on date,
  response text,
  responded_by text,
  responded_at timestamptz,
  updated_by text,
  updated_at timestamptz not null default now(),
  unique (report_id, fingerprint)
);
create index review_issues_status on review_issues (status);
create index review_issues_assigned on review_issues (assigned_agency_id) where assigned_agency_id is not null;

create table review_issue_events (
  id bigserial primary key,
  issue_id int not null references review_issues(id) on delete cascade,
  at timestamptz not null default now(),
  actor text not null,
  from_status text not null,
  to_status text not null,
  note text
);
create index review_issue_events_issue on review_issue_events (issue_id, id);

-- A report's row is audited without the report, figures and findings it carries (they are
-- large, and derived: the corrections that change them are audited rows of their own).
create function gongkai_audit_review_report() returns trigger language plpgsql as $$
declare
  who text := coalesce(nullif(current_setting('gongkai.actor', true), ''), 'system');
  old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'report' - 'cells' - 'findings' end;
  new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'report' - 'cells' - 'findings' end;
begin
  insert into audit_log (actor, table_name, row_key, action, before, after)
    values (who, tg_table_name, coalesce(new_row, old_row)->>'id', lower(tg_op), old_row, new_row);
  return coalesce(new, old);
end $$;

create trigger audit_review_batches after insert or update or delete on review_batches for each row execute function gongkai_audit();
create trigger audit_review_reports after insert or update or delete on review_reports for each row execute function gongkai_audit_review_report();
create trigger audit_review_corrections after insert or update or delete on review_corrections for each row execute function gongkai_audit();
create trigger audit_review_issues after insert or update or delete on review_issues for each row execute function gongkai_audit();
`;
