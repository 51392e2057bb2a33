/** Accounts of the web application: users with a role scoped to an agency (and its departments), and their sessions. */
export const SCHEMA_V2 = `
create table users (
  id serial primary key,
  username text not null unique check (length(username) between 1 and 64),
  display_name text not null,
  role text not null check (role in ('clerk', 'approver', 'admin', 'reviewer')),
  -- null: the whole register (the first administrator); otherwise the agency and its descendants
  agency_id int references agencies(id),
  password_hash text not null,
  must_change_password boolean not null default false,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

-- A session is stored by the SHA-256 of its token: a leaked table opens no session.
create table sessions (
  token_hash text primary key,
  user_id int not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

-- Users are audited like every record, without their password hash.
create function gongkai_audit_user() returns trigger language plpgsql as $$
declare
  who text := coalesce(nullif(current_setting('gongkai.actor', true), ''), 'system');
  old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'password_hash' end;
  new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'password_hash' end;
begin
  insert into audit_log (actor, table_name, row_key, action, before, after)
    values (who, tg_table_name, coalesce(new_row, old_row)->>'id', lower(tg_op), old_row, new_row);
  return coalesce(new, old);
end $$;
create trigger audit_users after insert or update or delete on users for each row execute function gongkai_audit_user();
`;
