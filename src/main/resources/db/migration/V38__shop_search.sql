-- The product search's words as a plain table: one row per (business, lexeme, product), the lexemes of
-- the product's search_document. Under row-level security PostgreSQL may not use the GIN index of
-- products.search_document, because the full-text operator @@ is not leakproof (it could reveal a row of
-- another business through an error before the policy has filtered it), so every text search read and
-- matched every product of the business. Text equality is leakproof: a btree led by tenant_id, which the
-- policy's own qual (tenant_id = current_tenant_id()) and the query's explicit tenant use, finds the
-- products having a word of the query without looking at the others; the @@ match then runs on those
-- candidates only. Nothing is marked LEAKPROOF and no function changes owner: the isolation is the same
-- policy as every other table's.
--
-- Derived data like catalog_words: kept by the trigger below whenever a product's search_document changes
-- (SearchIndex is its only writer), never written by the application.
create table catalog_search_terms (
    tenant_id  uuid not null references tenants (id),
    lexeme     text not null,
    product_id uuid not null references products (id) on delete cascade,
    primary key (tenant_id, lexeme, product_id)
);
create index catalog_search_terms_product_idx on catalog_search_terms (tenant_id, product_id);

alter table catalog_search_terms enable row level security;
alter table catalog_search_terms force row level security;
create policy tenant_isolation on catalog_search_terms
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

-- Runs as the writer, under the same policy: it only ever touches the changed product's business.
create function catalog_search_terms_refresh() returns trigger language plpgsql as $$
begin
    delete from catalog_search_terms where tenant_id = new.tenant_id and product_id = new.id;
    insert into catalog_search_terms (tenant_id, lexeme, product_id)
    select new.tenant_id, l, new.id from unnest(tsvector_to_array(new.search_document)) as l
    on conflict do nothing;
    return null;
end
$$;

create trigger products_search_terms
    after insert or update of search_document on products
    for each row
    when (new.search_document <> ''::tsvector)
    execute function catalog_search_terms_refresh();

-- A product whose document became empty keeps no words.
create function catalog_search_terms_clear() returns trigger language plpgsql as $$
begin
    delete from catalog_search_terms where tenant_id = new.tenant_id and product_id = new.id;
    return null;
end
$$;

create trigger products_search_terms_cleared
    after update of search_document on products
    for each row
    when (new.search_document = ''::tsvector and old.search_document <> ''::tsvector)
    execute function catalog_search_terms_clear();

-- The words of the products that exist. No business is set while migrating: row-level security is lifted
-- for the owner during the backfill only, as in V12.
alter table catalog_search_terms no force row level security;
alter table products no force row level security;
insert into catalog_search_terms (tenant_id, lexeme, product_id)
select p.tenant_id, l, p.id from products p cross join unnest(tsvector_to_array(p.search_document)) as l
on conflict do nothing;
alter table products force row level security;
alter table catalog_search_terms force row level security;
