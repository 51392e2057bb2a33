/**
 * The third migration: a year lock covers the agency's departments (present and future), is
 * serialised against writers on PostgreSQL, and calendar years are audited.
 *
 * - A government's report may sum its departments (`--include-departments`), so a lock on a
 *   year of an agency holds for every agency below it, including departments added later.
 * - Moving an agency under another parent is refused while either side has a locked year.
 * - Every change the lock trigger guards first takes a shared transaction-level advisory lock;
 *   inserting a year lock takes it exclusively. On PostgreSQL a `lock` therefore waits for
 *   writers that already passed the check, and writers after it see the lock. (PGlite has one
 *   connection; the locks are trivially granted there.)
 */
export const SCHEMA_V3 = `
create function gongkai_locked_years(agency int) returns setof int language sql stable as $$
  with recursive up(id, parent) as (
    select id, parent_id from agencies where id = agency
    union all select a.id, a.parent_id from agencies a join up on a.id = up.parent)
  select distinct l.year from year_locks l where l.agency_id in (select id from up)
$$;

create or replace function gongkai_year_lock() returns trigger language plpgsql as $$
declare
  agency int;
  y int;
begin
  perform pg_advisory_xact_lock_shared(7301001);
  if tg_table_name = 'application_events' then
    select a.agency_id into agency from applications a where a.id = coalesce(new.application_id, old.application_id);
    for y in select gongkai_locked_years(agency) loop
      if (tg_op <> 'INSERT' and extract(year from old.on_date) <= y) or (tg_op <> 'DELETE' and extract(year from new.on_date) <= y) then
        raise exception 'gongkai:locked:%', y;
      end if;
    end loop;
    return coalesce(new, old);
  end if;
  agency := case when tg_op = 'DELETE' then old.agency_id else new.agency_id end;
  for y in select gongkai_locked_years(agency) union select gongkai_locked_years(case when tg_op = 'UPDATE' then old.agency_id end) loop
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

create function gongkai_year_lock_taken() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(7301001);
  return new;
end $$;

create trigger serialise_year_locks before insert on year_locks for each row execute function gongkai_year_lock_taken();

create function gongkai_agency_moved() returns trigger language plpgsql as $$
declare
  y int;
begin
  if new.parent_id is distinct from old.parent_id then
    perform pg_advisory_xact_lock_shared(7301001);
    for y in select gongkai_locked_years(old.parent_id) union select gongkai_locked_years(new.parent_id) loop
      raise exception 'gongkai:locked:%', y;
    end loop;
  end if;
  return new;
end $$;

create trigger lock_agencies before update on agencies for each row execute function gongkai_agency_moved();
create trigger audit_calendar_years after insert or update or delete on calendar_years for each row execute function gongkai_audit();
`;
