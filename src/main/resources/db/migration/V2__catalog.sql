-- Catalog: categories (a tree), products, their variants and images, and the search support.
--
-- pg_trgm and unaccent are "trusted" extensions (PostgreSQL 13+): the database owner may create them
-- without being a superuser.
create extension if not exists pg_trgm with schema public;
create extension if not exists unaccent with schema public;

-- unaccent() is only STABLE (it reads a dictionary found through the search path), so it cannot
-- appear in an index expression. This wrapper names the function and the dictionary with their
-- schema and is declared IMMUTABLE: the usual, safe way to index unaccented text. Being plain SQL,
-- it is inlined into queries.
create function catalog_unaccent(text) returns text
    language sql immutable strict parallel safe
as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table categories (
    id          uuid primary key,
    tenant_id   uuid         not null references tenants (id),
    parent_id   uuid references categories (id),
    name        varchar(80)  not null,
    position    integer      not null default 0,
    created_at  timestamptz  not null,
    created_by  uuid,
    updated_at  timestamptz  not null,
    updated_by  uuid,
    version     bigint       not null default 0
);
create index categories_tenant_parent_idx on categories (tenant_id, parent_id, position);
-- Sibling names are unique (case-insensitive); top-level categories share the "no parent" level.
create unique index categories_tenant_sibling_name_uq
    on categories (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

create table products (
    id              uuid primary key,
    tenant_id       uuid          not null references tenants (id),
    name            varchar(200)  not null,
    slug            varchar(120)  not null,
    description     text,
    brand           varchar(120),
    category_id     uuid references categories (id),
    tags            text[]        not null default '{}',
    status          varchar(10)   not null,
    vat_rate        numeric(5, 2) not null,
    unit            varchar(20)   not null,
    options         jsonb         not null default '[]',
    -- Maintained by the application after every write (see catalog.search.SearchIndex): the
    -- full-text document (French and English stems, accents removed), the plain words of the name,
    -- brand and tags, and the option values and price range of the active variants (so that facet
    -- counts never read the variants).
    search_document tsvector      not null default ''::tsvector,
    search_text     text          not null default '',
    option_values   text[]        not null default '{}', -- distinct "name<US>value" of the active variants
    price_min       numeric(14, 2),
    price_max       numeric(14, 2),
    created_at      timestamptz   not null,
    created_by      uuid,
    updated_at      timestamptz   not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    version         bigint        not null default 0,
    constraint products_status_ck check (status in ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    constraint products_vat_rate_ck check (vat_rate >= 0 and vat_rate < 100)
);
create unique index products_tenant_slug_uq on products (tenant_id, slug) where deleted_at is null;
create index products_tenant_category_idx on products (tenant_id, category_id) where deleted_at is null;
create index products_tenant_name_idx on products (tenant_id, lower(catalog_unaccent(name))) where deleted_at is null;
create index products_tenant_created_idx on products (tenant_id, created_at desc) where deleted_at is null;
create index products_tenant_price_idx on products (tenant_id, price_min) where deleted_at is null;
create index products_tags_idx on products using gin (tags) where deleted_at is null;
create index products_search_document_idx on products using gin (search_document) where deleted_at is null;

create table variants (
    id               uuid primary key,
    tenant_id        uuid           not null references tenants (id),
    product_id       uuid           not null references products (id),
    position         integer        not null default 0,
    sku              varchar(64)    not null,
    barcode          varchar(14),
    options          jsonb          not null default '{}',
    price            numeric(14, 2) not null,
    compare_at_price numeric(14, 2),
    cost             numeric(14, 2),
    weight           numeric(10, 3),
    active           boolean        not null default true,
    created_at       timestamptz    not null,
    created_by       uuid,
    updated_at       timestamptz    not null,
    updated_by       uuid,
    deleted_at       timestamptz,
    deleted_by       uuid,
    version          bigint         not null default 0,
    constraint variants_price_ck check (price >= 0)
);
create index variants_tenant_product_idx on variants (tenant_id, product_id) where deleted_at is null;
create unique index variants_tenant_sku_uq on variants (tenant_id, lower(sku)) where deleted_at is null;
create unique index variants_tenant_barcode_uq on variants (tenant_id, barcode) where deleted_at is null and barcode is not null;
create index variants_tenant_sku_pattern_idx on variants (tenant_id, lower(sku) text_pattern_ops) where deleted_at is null;

-- Every word of the tenant's product names, brands and tags (lower case, without accents): the
-- vocabulary a misspelt query word is corrected against by trigram similarity ("arosoir" ->
-- "arrosoir") before the full-text search. Under row-level security PostgreSQL cannot use a GIN
-- index for non-leakproof operators such as @@ or %, so comparing a typo with a few hundred words
-- is far cheaper than with every product. Words are only added; a stale one matches nothing.
create table catalog_words (
    tenant_id uuid not null references tenants (id),
    word      text not null,
    primary key (tenant_id, word)
);

create table product_images (
    id             uuid primary key,
    tenant_id      uuid         not null references tenants (id),
    product_id     uuid         not null references products (id),
    position       integer      not null default 0,
    content_type   varchar(20)  not null,
    thumb_type     varchar(20)  not null,
    width          integer      not null,
    height         integer      not null,
    size_bytes     bigint       not null,
    original_name  varchar(255),
    created_at     timestamptz  not null,
    created_by     uuid,
    updated_at     timestamptz  not null,
    updated_by     uuid,
    version        bigint       not null default 0
);
create index product_images_tenant_product_idx on product_images (tenant_id, product_id, position);

alter table categories enable row level security;
alter table categories force row level security;
create policy tenant_isolation on categories
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table products enable row level security;
alter table products force row level security;
create policy tenant_isolation on products
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table variants enable row level security;
alter table variants force row level security;
create policy tenant_isolation on variants
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table catalog_words enable row level security;
alter table catalog_words force row level security;
create policy tenant_isolation on catalog_words
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table product_images enable row level security;
alter table product_images force row level security;
create policy tenant_isolation on product_images
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
