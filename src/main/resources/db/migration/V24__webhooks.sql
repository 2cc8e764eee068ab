-- Outgoing webhooks: the endpoints a business registers for its integrations, and one delivery row per event
-- and endpoint (the delivery log). A delivery's id is derived from the event and the endpoint, so an event
-- the publication registry replays after a crash finds its row and sends nothing twice.
create table webhook_endpoints (
    id          uuid          primary key,
    tenant_id   uuid          not null references tenants (id),
    url         varchar(2000) not null,
    description varchar(200),
    events      text[]        not null,
    enabled     boolean       not null default true,
    secret      varchar(100)  not null,
    created_at  timestamptz   not null,
    created_by  uuid          not null,
    updated_at  timestamptz   not null,
    updated_by  uuid          not null,  -- the system actor when no user wrote it
    deleted_at  timestamptz,
    deleted_by  uuid
);

create trigger webhook_endpoints_actor before insert or update on webhook_endpoints
    for each row execute function comptoir_fill_created_by();
create trigger webhook_endpoints_updater before insert or update on webhook_endpoints
    for each row execute function comptoir_fill_updated_by();

create index webhook_endpoints_tenant_idx on webhook_endpoints (tenant_id, created_at) where deleted_at is null;

create table webhook_deliveries (
    id                uuid          primary key,
    tenant_id         uuid          not null references tenants (id),
    endpoint_id       uuid          not null references webhook_endpoints (id),
    event_type        varchar(60)   not null,
    payload           text          not null,
    status            varchar(20)   not null,
    attempts          integer       not null default 0,
    next_attempt_at   timestamptz,
    give_up_at        timestamptz   not null,  -- retries stop after this (24 h after the event or the replay)
    last_attempt_at   timestamptz,
    response_code     integer,
    response_excerpt  varchar(500),
    error             varchar(500),
    created_at        timestamptz   not null,
    delivered_at      timestamptz,
    constraint webhook_deliveries_status_ck check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint webhook_deliveries_attempts_ck check (attempts >= 0)
);

create index webhook_deliveries_endpoint_idx on webhook_deliveries (tenant_id, endpoint_id, created_at desc);

alter table webhook_endpoints enable row level security;
alter table webhook_endpoints force row level security;
create policy tenant_isolation on webhook_endpoints
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table webhook_deliveries enable row level security;
alter table webhook_deliveries force row level security;
create policy tenant_isolation on webhook_deliveries
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
