-- Channels (issue #18): per business, what our values are on a marketplace (category, brand, size, condition,
-- colour -> the marketplace's ids) and how a listing's price follows from the product's (markup, rounding, minimum).

create table channel_mappings (
    tenant_id       uuid          not null references tenants (id),
    marketplace     varchar(20)   not null default 'VINTED',
    kind            varchar(20)   not null,
    our_value       varchar(120)  not null,
    -- where the row applies: for sizes, our category id (a size's id depends on the category group); '' = everywhere
    scope           varchar(60)   not null default '',
    marketplace_id  bigint        not null,
    label           varchar(120),
    created_at      timestamptz   not null,
    created_by      uuid          not null,
    updated_at      timestamptz   not null,
    updated_by      uuid          not null,
    constraint channel_mappings_kind_ck check (kind in ('CATEGORY', 'BRAND', 'SIZE', 'CONDITION', 'COLOUR')),
    constraint channel_mappings_id_ck check (marketplace_id > 0)
);
create unique index channel_mappings_uq on channel_mappings (tenant_id, marketplace, kind, lower(our_value), scope);

create table channel_pricing_rules (
    tenant_id       uuid          not null references tenants (id),
    marketplace     varchar(20)   not null default 'VINTED',
    markup_percent  numeric(6,2)  not null default 0,
    markup_fixed    numeric(14,2) not null default 0,
    rounding        varchar(10)   not null default 'NONE',
    minimum_price   numeric(14,2),
    created_at      timestamptz   not null,
    created_by      uuid          not null,
    updated_at      timestamptz   not null,
    updated_by      uuid          not null,
    primary key (tenant_id, marketplace),
    constraint channel_pricing_rounding_ck check (rounding in ('NONE', 'NINETY', 'WHOLE'))
);

-- The brand's id on the marketplace, beside its text (sent when known).
alter table channel_listings add column brand_id bigint;

create trigger channel_mappings_actor before insert or update on channel_mappings
    for each row execute function comptoir_fill_created_by();
create trigger channel_mappings_updater before insert or update on channel_mappings
    for each row execute function comptoir_fill_updated_by();
create trigger channel_pricing_rules_actor before insert or update on channel_pricing_rules
    for each row execute function comptoir_fill_created_by();
create trigger channel_pricing_rules_updater before insert or update on channel_pricing_rules
    for each row execute function comptoir_fill_updated_by();

alter table channel_mappings enable row level security;
alter table channel_mappings force row level security;
create policy tenant_isolation on channel_mappings
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table channel_pricing_rules enable row level security;
alter table channel_pricing_rules force row level security;
create policy tenant_isolation on channel_pricing_rules
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
