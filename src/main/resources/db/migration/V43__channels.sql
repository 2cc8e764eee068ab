-- Channels (issue #18): marketplace accounts (Vinted first), the browser extension's devices, listings, publication
-- jobs and the per-account rate cap. Session material and keys are sealed by the application (AES-GCM, key id
-- beside the bytes); the database never holds them in clear.

create table channel_accounts (
    id                  uuid         primary key,
    tenant_id           uuid         not null references tenants (id),
    kind                varchar(20)  not null,
    status              varchar(20)  not null,
    username            varchar(120),
    marketplace_user_id bigint,
    host                varchar(120),
    secrets_encrypted   bytea,
    key_id              varchar(16),
    last_sync_at        timestamptz,
    last_error          text,
    -- the rate cap: at most write_limit mutating requests in any rolling write_window_minutes
    write_limit         integer      not null default 40,
    write_window_minutes integer     not null default 120,
    next_write_at       timestamptz,
    paused_until        timestamptz,
    pause_reason        varchar(20),
    pause_count         integer      not null default 0,
    created_at          timestamptz  not null,
    created_by          uuid         not null,
    updated_at          timestamptz  not null,
    updated_by          uuid         not null,
    constraint channel_accounts_kind_ck check (kind in ('VINTED_WEB', 'VINTED_PRO')),
    constraint channel_accounts_status_ck check (status in ('CONNECTED', 'EXPIRED', 'PAUSED', 'ERROR')),
    constraint channel_accounts_limit_ck check (write_limit > 0 and write_window_minutes > 0)
);
create unique index channel_accounts_user_uq on channel_accounts (tenant_id, kind, marketplace_user_id);

-- Each mutating request sent to a marketplace, per account: the rolling window of the rate cap is counted here.
create table channel_writes (
    tenant_id   uuid         not null references tenants (id),
    account_id  uuid         not null references channel_accounts (id),
    at          timestamptz  not null,
    what        varchar(40)  not null
);
create index channel_writes_account_ix on channel_writes (tenant_id, account_id, at);

-- The extension's devices of a business; the token itself is never stored.
create table channel_devices (
    id            uuid         primary key,
    tenant_id     uuid         not null references tenants (id),
    label         varchar(120) not null,
    last_seen_at  timestamptz,
    revoked_at    timestamptz,
    created_at    timestamptz  not null,
    created_by    uuid         not null
);
create index channel_devices_tenant_ix on channel_devices (tenant_id, created_at);

-- Which business a pairing code or a device token belongs to, read before any business is known (like
-- login_directory): only SHA-256 hashes, no secret, hence no row-level security.
create table channel_pairing_codes (
    code_hash   varchar(64)  primary key,
    tenant_id   uuid         not null references tenants (id),
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create table channel_device_tokens (
    token_hash  varchar(64)  primary key,
    tenant_id   uuid         not null references tenants (id),
    device_id   uuid         not null
);
-- Failed claims per client address, for the throttle (read before any business is known).
create table channel_claim_failures (
    address     varchar(64)  not null,
    at          timestamptz  not null
);
create index channel_claim_failures_ix on channel_claim_failures (address, at);

create table channel_listings (
    id             uuid          primary key,
    tenant_id      uuid          not null references tenants (id),
    account_id     uuid          not null references channel_accounts (id),
    variant_id     uuid          not null,
    title          varchar(200)  not null,
    description    text,
    price          numeric(14,2) not null,
    currency       varchar(3)    not null,
    catalog_id     bigint,
    status_id      bigint,
    brand          varchar(120),
    size_id        bigint,
    color_ids      varchar(60),
    state          varchar(20)   not null,
    remote_id      bigint,
    published_at   timestamptz,
    sold_at        timestamptz,
    created_at     timestamptz   not null,
    created_by     uuid          not null,
    updated_at     timestamptz   not null,
    updated_by     uuid          not null,
    constraint channel_listings_state_ck
        check (state in ('DRAFT', 'PUBLISHING', 'PUBLISHED', 'WITHDRAWN', 'SOLD', 'FAILED'))
);
create index channel_listings_tenant_ix on channel_listings (tenant_id, created_at);
create index channel_listings_variant_ix on channel_listings (tenant_id, variant_id);

create table channel_jobs (
    id                uuid         primary key,
    tenant_id         uuid         not null references tenants (id),
    listing_id        uuid         not null references channel_listings (id),
    account_id        uuid         not null references channel_accounts (id),
    kind              varchar(20)  not null,
    state             varchar(20)  not null,
    attempts          integer      not null default 0,
    not_before        timestamptz  not null,
    outcome_unknown   boolean      not null default false,
    upload_session_id uuid         not null,
    error             text,
    created_at        timestamptz  not null,
    created_by        uuid         not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    constraint channel_jobs_kind_ck check (kind in ('PUBLISH', 'UPDATE', 'WITHDRAW', 'SYNC')),
    constraint channel_jobs_state_ck check (state in ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'PAUSED'))
);
create index channel_jobs_due_ix on channel_jobs (tenant_id, state, not_before);
create index channel_jobs_listing_ix on channel_jobs (tenant_id, listing_id, created_at);

-- What happened to a listing, in order: its publication history.
create table channel_listing_events (
    tenant_id   uuid         not null references tenants (id),
    listing_id  uuid         not null references channel_listings (id),
    at          timestamptz  not null,
    what        varchar(40)  not null,
    detail      text
);
create index channel_listing_events_ix on channel_listing_events (tenant_id, listing_id, at);

create trigger channel_accounts_actor before insert or update on channel_accounts
    for each row execute function comptoir_fill_created_by();
create trigger channel_accounts_updater before insert or update on channel_accounts
    for each row execute function comptoir_fill_updated_by();
create trigger channel_devices_actor before insert or update on channel_devices
    for each row execute function comptoir_fill_created_by();
create trigger channel_listings_actor before insert or update on channel_listings
    for each row execute function comptoir_fill_created_by();
create trigger channel_listings_updater before insert or update on channel_listings
    for each row execute function comptoir_fill_updated_by();
create trigger channel_jobs_actor before insert or update on channel_jobs
    for each row execute function comptoir_fill_created_by();

alter table channel_accounts enable row level security;
alter table channel_accounts force row level security;
create policy tenant_isolation on channel_accounts
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table channel_writes enable row level security;
alter table channel_writes force row level security;
create policy tenant_isolation on channel_writes
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table channel_devices enable row level security;
alter table channel_devices force row level security;
create policy tenant_isolation on channel_devices
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table channel_listings enable row level security;
alter table channel_listings force row level security;
create policy tenant_isolation on channel_listings
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table channel_jobs enable row level security;
alter table channel_jobs force row level security;
create policy tenant_isolation on channel_jobs
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table channel_listing_events enable row level security;
alter table channel_listing_events force row level security;
create policy tenant_isolation on channel_listing_events
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
