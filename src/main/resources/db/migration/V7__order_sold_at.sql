-- When an order became a sale: the first time it went out for delivery (see docs/reporting.md), kept on the
-- order and on its lines while the order counts as a sale (out for delivery or delivered) and cleared if it
-- is cancelled on its way, so that sales figures read a range of one index (orders per day, units per
-- variant) instead of grouping the whole workflow history. Returns are deducted through sales_returns.
alter table sales_orders add column sold_at timestamptz;
alter table sales_order_lines add column sold_at timestamptz;

-- One-off initialisation from the recorded history. Row-level security is lifted for the owner during
-- this transaction only, since no tenant is set while migrating.
alter table sales_orders no force row level security;
alter table sales_order_history no force row level security;
alter table sales_order_lines no force row level security;
update sales_orders o set sold_at = h.first_out
  from (select tenant_id, order_id, min(at) as first_out from sales_order_history
         where status = 'OUT_FOR_DELIVERY' group by tenant_id, order_id) h
 where h.tenant_id = o.tenant_id and h.order_id = o.id and o.status in ('OUT_FOR_DELIVERY', 'DELIVERED');
update sales_order_lines l set sold_at = o.sold_at
  from sales_orders o
 where o.tenant_id = l.tenant_id and o.id = l.order_id and o.sold_at is not null;
alter table sales_orders force row level security;
alter table sales_order_history force row level security;
alter table sales_order_lines force row level security;

create index sales_orders_tenant_sold_idx on sales_orders (tenant_id, sold_at) include (net, gross)
    where sold_at is not null;
create index sales_order_lines_tenant_sold_idx on sales_order_lines (tenant_id, sold_at)
    include (variant_id, quantity, net) where sold_at is not null;
create index sales_returns_tenant_created_idx on sales_returns (tenant_id, created_at);

-- Workflow steps only change the status, the update time and the version of an order. With no index on
-- the status (the order list filters it while walking the creation-date index) and room left on each page,
-- PostgreSQL updates the row in place (a "HOT" update) instead of adding an entry to each of its indexes:
-- confirming, preparing and delivering orders cost less.
drop index sales_orders_tenant_status_idx;
alter table sales_orders set (fillfactor = 85);
