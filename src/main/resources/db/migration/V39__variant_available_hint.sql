-- The catalog's read model of stock gets a figure beside its in_stock flag: what a product card needs to tell "in
-- stock" from "only a few left", without asking the inventory for every variant of every card of a list. It is the
-- variant's available quantity over its locations (a location below zero counts as zero), capped at 10: above that,
-- a card only needs to know there is plenty. Kept by the inventory module through the catalog's API (CatalogStock)
-- when a level's availability changes while at or under the cap, so movements of well-stocked variants pay nothing.
alter table variants add column available_hint smallint not null default 0;

-- One-off initialisation from the stock levels already recorded. Row-level security is lifted for the owner during
-- this transaction only, since no tenant is set while migrating.
alter table variants no force row level security;
alter table stock_levels no force row level security;
update variants v set available_hint = s.hint
  from (select tenant_id, variant_id, least(sum(greatest(on_hand - reserved, 0)), 10) as hint
          from stock_levels group by tenant_id, variant_id) s
 where s.tenant_id = v.tenant_id and s.variant_id = v.id and s.hint > 0;
alter table variants force row level security;
alter table stock_levels force row level security;
