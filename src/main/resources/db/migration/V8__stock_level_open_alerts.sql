-- Which alert types are open for a stock level, instead of only whether one is (V6's alert_open). A
-- reservation on a variant above its overstock level (or low, or out of stock) leaves that condition as it
-- was; knowing that the condition's alert is already open, the detector skips the check altogether instead
-- of trying to raise the alert again and resolving nothing, on every order line.
alter table stock_levels add column open_alerts text[] not null default '{}';

-- Initialise from the open alerts (no tenant is set while migrating: RLS is lifted for this transaction).
alter table stock_levels no force row level security;
alter table stock_alerts no force row level security;
update stock_levels l set open_alerts = array(
        select a.type::text from stock_alerts a
         where a.tenant_id = l.tenant_id and a.variant_id = l.variant_id and a.location_id = l.location_id
           and a.resolved_at is null order by a.type)
 where l.alert_open;
alter table stock_levels force row level security;
alter table stock_alerts force row level security;

alter table stock_levels drop column alert_open;
