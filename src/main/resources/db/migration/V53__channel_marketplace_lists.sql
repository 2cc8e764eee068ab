-- Channels (issue #18): the marketplace's own lists (its categories, brands, sizes, conditions, colours with their
-- ids), as last fetched through one account's session, so that the mappings page can browse and search them
-- without asking the marketplace each time. Brands are searched by keyword: one row per keyword asked.

create table channel_marketplace_lists (
    tenant_id   uuid         not null references tenants (id),
    account_id  uuid         not null references channel_accounts (id),
    kind        varchar(20)  not null,
    keyword     varchar(60)  not null default '',
    entries     jsonb        not null,
    fetched_at  timestamptz  not null,
    primary key (tenant_id, account_id, kind, keyword),
    constraint channel_marketplace_lists_kind_ck check (kind in ('CATEGORY', 'BRAND', 'SIZE', 'CONDITION', 'COLOUR'))
);

alter table channel_marketplace_lists enable row level security;
alter table channel_marketplace_lists force row level security;
create policy tenant_isolation on channel_marketplace_lists
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
