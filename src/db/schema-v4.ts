/**
 * The fourth migration: the case file (letters issued and attachments), and login failures
 * kept in the database so that a restart does not reset the rate limit.
 *
 * - A letter, once issued, is a record: rows of `letters` are never updated or deleted (a
 *   trigger raises); a correction is a new version.
 * - Letters and attachments are audited like every record, without their bytes (a 20 MB
 *   upload must not be copied into the audit trail as hex).
 * - Neither is guarded by the year lock: a letter or a document added to a case file changes
 *   no figure or text of a published report.
 */
export const SCHEMA_V4 = `
create table letters (
  id serial primary key,
  application_id int not null references applications(id),
  kind text not null check (kind in ('correction', 'extension', 'consultation', 'answer')),
  version int not null check (version >= 1),
  outcome text,
  file_name text not null,
  content bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  body jsonb not null,
  issued_at timestamptz not null default now(),
  issued_by text not null,
  unique (application_id, kind, version)
);
create index letters_application on letters (application_id, id);

create function gongkai_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'gongkai:frozen:%', tg_table_name;
end $$;
create trigger freeze_letters before update or delete on letters for each row execute function gongkai_frozen();

create table attachments (
  id serial primary key,
  application_id int not null references applications(id),
  file_name text not null check (length(file_name) between 1 and 255),
  media_type text not null,
  size int not null check (size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  note text not null default '',
  uploaded_by text not null,
  uploaded_at timestamptz not null default now(),
  check (octet_length(content) = size)
);
create index attachments_application on attachments (application_id, id);

create function gongkai_audit_file() returns trigger language plpgsql as $$
declare
  who text := coalesce(nullif(current_setting('gongkai.actor', true), ''), 'system');
  old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'content' end;
  new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'content' end;
begin
  insert into audit_log (actor, table_name, row_key, action, before, after)
    values (who, tg_table_name, coalesce(new_row, old_row)->>'id', lower(tg_op), old_row, new_row);
  return coalesce(new, old);
end $$;
create trigger audit_letters after insert or update or delete on letters for each row execute function gongkai_audit_file();
create trigger audit_attachments after insert or update or delete on attachments for each row execute function gongkai_audit_file();

-- Failed logins per key ('user:<name>' or 'client:<address>'), pruned as they leave the window.
create table login_failures (
  key text not null,
  at timestamptz not null
);
create index login_failures_key on login_failures (key, at);
create index login_failures_at on login_failures (at);
`;
