-- RollingUpgradeIT: an index on a busy table, built without blocking its writes (alone in its migration).
create index concurrently if not exists sales_orders_rolling_upgrade_note on sales_orders (rolling_upgrade_note);
