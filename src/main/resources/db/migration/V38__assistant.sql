-- Assistant (issue #17), first slice: each business's model provider (its own, or the deployment's), the cache of
-- generated product descriptions and the counters of what the provider cost and what the cache saved.

-- A business's provider, when it does not use the deployment's (provider null): builtin (the deterministic
-- writer, no network), openai (any OpenAI-compatible service) or ollama. The API key is sealed (AES-256-GCM,
-- bound to the business) and never returned; key_hint is its last four characters.
create table assistant_settings (
    tenant_id            uuid          primary key references tenants (id),
    provider             varchar(10),
    model                varchar(200),
    base_url             varchar(500),
    api_key_encrypted    bytea,
    key_id               varchar(16),
    key_hint             varchar(8),
    price_input_per_1k   numeric(12,6),
    price_output_per_1k  numeric(12,6),
    created_at           timestamptz   not null,
    created_by           uuid          not null,
    updated_at           timestamptz   not null,
    updated_by           uuid          not null,
    version              bigint        not null default 0,
    constraint assistant_settings_provider_ck check (provider in ('builtin', 'openai', 'ollama')),
    constraint assistant_settings_key_ck check ((api_key_encrypted is null) = (key_id is null))
);

-- One generated description, keyed by the SHA-256 of what it was written from (the product's name, brand,
-- category, tags, options, the variant's options, prices), how (tone, length, platform, language) and by which
-- writer (provider and model): an edited product gets a new key, so a new text.
create table assistant_descriptions (
    tenant_id    uuid          not null references tenants (id),
    cache_key    varchar(64)   not null,
    product_id   uuid          not null,
    variant_id   uuid,
    platform     varchar(10)   not null,
    tone         varchar(10)   not null,
    length       varchar(10)   not null,
    language     varchar(5)    not null,
    provider     varchar(10)   not null,
    model        varchar(200),
    description  text          not null,
    tokens_in    integer       not null,
    tokens_out   integer       not null,
    cost         numeric(14,6) not null,
    hits         bigint        not null default 0,
    last_hit_at  timestamptz,
    created_at   timestamptz   not null,
    created_by   uuid          not null,
    updated_at   timestamptz   not null,
    updated_by   uuid          not null,
    version      bigint        not null default 0,
    primary key (tenant_id, cache_key)
);
create index assistant_descriptions_product_idx on assistant_descriptions (tenant_id, product_id);

-- The business's counters, one row, each change one atomic increment: cache hits and misses, tokens sent and
-- received and their cost (what the provider was paid for), tokens and cost the cache saved.
create table assistant_usage (
    tenant_id     uuid          primary key references tenants (id),
    cache_hits    bigint        not null default 0,
    cache_misses  bigint        not null default 0,
    tokens_in     bigint        not null default 0,
    tokens_out    bigint        not null default 0,
    cost          numeric(16,6) not null default 0,
    tokens_saved  bigint        not null default 0,
    cost_saved    numeric(16,6) not null default 0,
    updated_at    timestamptz   not null
);

create trigger assistant_settings_actor before insert or update on assistant_settings
    for each row execute function comptoir_fill_created_by();
create trigger assistant_settings_updater before insert or update on assistant_settings
    for each row execute function comptoir_fill_updated_by();
create trigger assistant_descriptions_actor before insert or update on assistant_descriptions
    for each row execute function comptoir_fill_created_by();
create trigger assistant_descriptions_updater before insert or update on assistant_descriptions
    for each row execute function comptoir_fill_updated_by();

alter table assistant_settings enable row level security;
alter table assistant_settings force row level security;
create policy tenant_isolation on assistant_settings
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table assistant_descriptions enable row level security;
alter table assistant_descriptions force row level security;
create policy tenant_isolation on assistant_descriptions
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table assistant_usage enable row level security;
alter table assistant_usage force row level security;
create policy tenant_isolation on assistant_usage
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
