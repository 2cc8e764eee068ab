-- "Remember me" (issue #13): one row per device a user chose to stay signed in on. The browser keeps a
-- cookie naming the business, the row and a random secret; only the secret's SHA-256 is stored, so a
-- copy of this table signs nobody in. Tenant-owned, with row-level security: the cookie names the
-- business, which is set on the transaction before the row is read. A row whose token_version is not
-- the account's any more (password changed, signed out everywhere) is dead and deleted when met.
create table remembered_devices (
    id            uuid         primary key,
    tenant_id     uuid         not null references tenants (id),
    user_id       uuid         not null references users (id),
    secret_hash   varchar(64)  not null,
    label         varchar(120) not null,
    token_version int          not null,
    created_at    timestamptz  not null,
    last_used_at  timestamptz  not null,
    expires_at    timestamptz  not null
);
create index remembered_devices_tenant_user_idx on remembered_devices (tenant_id, user_id);

alter table remembered_devices enable row level security;
alter table remembered_devices force row level security;
create policy tenant_isolation on remembered_devices
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
