-- Alerts that help (issue 13). The daily slow-moving check now raises ONE digest alert per run and business
-- (no variant, no location; "items": how many stock levels it sums up) instead of one alert per stock level,
-- which had flooded the garden shop with about 4,300 low-priority alerts.
alter table stock_alerts alter column variant_id drop not null;
alter table stock_alerts alter column location_id drop not null;
alter table stock_alerts add column items integer;
alter table stock_alerts add constraint stock_alerts_subject_ck
    check ((variant_id is not null and location_id is not null) or (type = 'SLOW_MOVING' and items is not null));
-- The alerts page lists open alerts critical first, then newest: one index serves its pages and its counts.
create index stock_alerts_open_idx on stock_alerts (tenant_id, severity, type, raised_at desc)
    where state in ('NEW', 'READ');

-- Resolve the per-product slow-moving alerts (no tenant is set while migrating: RLS is lifted for this
-- transaction); the next daily run replaces them with one digest per business.
alter table stock_levels no force row level security;
alter table stock_alerts no force row level security;
update stock_alerts set state = 'RESOLVED', resolved_at = now()
 where type = 'SLOW_MOVING' and resolved_at is null and variant_id is not null;
update stock_levels set open_alerts = array_remove(open_alerts, 'SLOW_MOVING')
 where 'SLOW_MOVING' = any(open_alerts);
alter table stock_levels force row level security;
alter table stock_alerts force row level security;

-- The first-run guide of the home page: a business that dismissed it does not see it again.
create table home_guide_dismissals (
    tenant_id    uuid primary key references tenants (id),
    dismissed_at timestamptz not null,
    dismissed_by uuid
);
alter table home_guide_dismissals enable row level security;
alter table home_guide_dismissals force row level security;
create policy tenant_isolation on home_guide_dismissals
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
