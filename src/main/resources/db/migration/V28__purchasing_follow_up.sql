-- Purchasing follow-up (issue 16): late deliveries as stock alerts, and the businesses the purchasing jobs visit.
--
-- A LATE_DELIVERY alert is about a purchase order, not a stock level: it names the order (reference_id: its id,
-- reference: its number) instead of a variant and a location, and at most one is open per order.
alter table stock_alerts add column reference_id uuid;
alter table stock_alerts add column reference varchar(40);
alter table stock_alerts drop constraint stock_alerts_subject_ck;
alter table stock_alerts add constraint stock_alerts_subject_ck
    check ((variant_id is not null and location_id is not null)
        or (type = 'SLOW_MOVING' and items is not null)
        or (type = 'LATE_DELIVERY' and reference_id is not null));
create unique index stock_alerts_open_reference_uq on stock_alerts (tenant_id, type, reference_id)
    where resolved_at is null and reference_id is not null;

-- Businesses that have purchase orders or recurring orders, for the jobs that visit every buying business
-- (late deliveries, reminders, recurring drafts). Not tenant data: no row-level security, like inventory_tenants.
-- Filled by triggers, so that whoever writes an order or a template needs not know about the jobs.
create table purchasing_tenants (
    tenant_id uuid primary key references tenants (id)
);

create function purchasing_note_tenant() returns trigger language plpgsql as $$
begin
    insert into purchasing_tenants (tenant_id) values (new.tenant_id) on conflict do nothing;
    return new;
end $$;

create trigger purchase_orders_tenant after insert on purchase_orders
    for each row execute function purchasing_note_tenant();
create trigger recurring_purchase_orders_tenant after insert on recurring_purchase_orders
    for each row execute function purchasing_note_tenant();

alter table purchase_orders no force row level security;
alter table recurring_purchase_orders no force row level security;
insert into purchasing_tenants (tenant_id)
    select tenant_id from purchase_orders union select tenant_id from recurring_purchase_orders
    on conflict do nothing;
alter table purchase_orders force row level security;
alter table recurring_purchase_orders force row level security;
