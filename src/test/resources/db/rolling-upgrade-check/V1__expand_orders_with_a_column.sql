-- RollingUpgradeIT: an expand migration by the rules (a nullable column, no rewrite), applied to the live database
-- while the running version takes orders; removed again by the test.
alter table sales_orders add column if not exists rolling_upgrade_note text;
