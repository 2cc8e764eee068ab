-- The catalog's read model of stock: whether a variant has something available (on hand minus
-- reserved > 0 at some location). Maintained by the inventory module through the catalog's API
-- (CatalogStock) when a variant's availability crosses zero, so the product list can filter on it in SQL.
alter table variants add column in_stock boolean not null default false;

-- One-off initialisation from the stock levels already recorded. Row-level security is lifted for the
-- owner during this transaction only, since no tenant is set while migrating.
alter table variants no force row level security;
alter table stock_levels no force row level security;
update variants v set in_stock = true
 where exists (select 1 from stock_levels l
                where l.tenant_id = v.tenant_id and l.variant_id = v.id and l.on_hand - l.reserved > 0);
alter table variants force row level security;
alter table stock_levels force row level security;
