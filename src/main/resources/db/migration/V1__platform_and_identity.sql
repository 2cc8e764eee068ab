-- Platform and identity: tenants, the global login directory, users, refresh tokens, the audit log
-- and Spring Modulith's event publication registry.
--
-- Row-level security: every tenant-owned table is filtered by the transaction-local setting
-- app.tenant_id, which the application sets at the start of every transaction. FORCE makes the
-- policy apply to the table owner too. Without a tenant the setting is empty and no row is visible.

create table tenants (
    id              uuid primary key,
    name            varchar(120) not null,
    slug            varchar(60)  not null,
    currency        varchar(3)   not null,
    locale          varchar(5)   not null,
    timezone        varchar(60)  not null,
    enabled_modules text[]       not null default '{}',
    demo            boolean      not null default false,
    created_at      timestamptz  not null,
    created_by      uuid,
    updated_at      timestamptz  not null,
    updated_by      uuid,
    version         bigint       not null default 0
);
create unique index tenants_slug_uq on tenants (slug);

-- One row per login e-mail across all tenants: logins and refreshes find the tenant here before
-- any tenant-owned table is read. It holds no secret.
create table login_directory (
    email     varchar(254) primary key, -- lower-cased
    tenant_id uuid not null references tenants (id),
    user_id   uuid not null
);
create index login_directory_tenant_idx on login_directory (tenant_id);

create table users (
    id              uuid primary key,
    tenant_id       uuid         not null references tenants (id),
    email           varchar(254) not null,
    name            varchar(120) not null,
    password_hash   varchar(100) not null,
    roles           text[]       not null,
    enabled         boolean      not null default true,
    last_login_at   timestamptz,
    created_at      timestamptz  not null,
    created_by      uuid,
    updated_at      timestamptz  not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    version         bigint       not null default 0
);
create index users_tenant_idx on users (tenant_id, lower(name));
create unique index users_tenant_email_uq on users (tenant_id, lower(email)) where deleted_at is null;

create table refresh_tokens (
    id          uuid primary key,
    tenant_id   uuid        not null references tenants (id),
    user_id     uuid        not null references users (id),
    family_id   uuid        not null,
    token_hash  varchar(64) not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_tokens_tenant_family_idx on refresh_tokens (tenant_id, family_id);
create index refresh_tokens_tenant_user_idx on refresh_tokens (tenant_id, user_id);

create table audit_log (
    id           uuid primary key,
    tenant_id    uuid         not null,
    occurred_at  timestamptz  not null,
    actor_id     uuid,
    actor_email  varchar(254) not null,
    entity_type  varchar(60)  not null,
    entity_id    uuid         not null,
    action       varchar(20)  not null,
    before_state jsonb,
    after_state  jsonb,
    request_id   varchar(64)
);
create index audit_log_tenant_entity_idx on audit_log (tenant_id, entity_type, entity_id, occurred_at desc);
create index audit_log_tenant_time_idx on audit_log (tenant_id, occurred_at desc);

-- The audit log is append-only: no update, no delete, for anyone.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Tenant isolation.
create function current_tenant_id() returns uuid language sql stable as $$
    select nullif(current_setting('app.tenant_id', true), '')::uuid
$$;

alter table users enable row level security;
alter table users force row level security;
create policy tenant_isolation on users
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table refresh_tokens enable row level security;
alter table refresh_tokens force row level security;
create policy tenant_isolation on refresh_tokens
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy tenant_isolation on audit_log
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

-- Spring Modulith: persistent event publication registry (events survive a crash between commit and handling).
create table event_publication (
    id                     uuid primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
