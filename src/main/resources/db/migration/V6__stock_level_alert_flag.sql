-- Whether an alert (of any type) is open for a stock level, kept on the level row by the alert
-- detector in the transaction that holds the row's lock. A movement or reservation reads it back with
-- its guarded update (the latest committed value, even after waiting for the lock), so a change that
-- leaves the level clear of every threshold and has no alert to resolve skips the alert check.
alter table stock_levels add column alert_open boolean not null default false;

-- Initialise from the open alerts (no tenant is set while migrating: RLS is lifted for this transaction).
alter table stock_levels no force row level security;
alter table stock_alerts no force row level security;
update stock_levels l set alert_open = true
 where exists (select 1 from stock_alerts a
                where a.tenant_id = l.tenant_id and a.variant_id = l.variant_id and a.location_id = l.location_id
                  and a.resolved_at is null);
alter table stock_levels force row level security;
alter table stock_alerts force row level security;
