-- Storefront checkout (issue #15): where an order comes from, the signed-in shoppers' carts, the shop's delivery
-- rules, and what the shop knows of the orders it placed (the shopper, the delivery slot, the payment chosen).
--
-- Anonymous visitors have no row anywhere: their cart lives in a signed cookie (bots cannot fill the database).

alter table sales_orders add column source varchar(20) not null default 'BACK_OFFICE';
alter table sales_orders add constraint sales_orders_source_ck check (source in ('BACK_OFFICE', 'ONLINE_SHOP'));
create index sales_orders_online_idx on sales_orders (tenant_id, created_at desc) where source = 'ONLINE_SHOP';

-- A signed-in shopper's cart: one row per shopper, its lines as [{"variantId": …, "quantity": …}] (at most 50).
create table shop_carts (
    id          uuid         primary key,
    tenant_id   uuid         not null references tenants (id),
    shopper_id  uuid         not null references shoppers (id),
    lines       jsonb        not null default '[]',
    created_at  timestamptz  not null,
    created_by  uuid         not null,
    updated_at  timestamptz  not null,
    updated_by  uuid         not null
);
create unique index shop_carts_shopper_uq on shop_carts (tenant_id, shopper_id);

-- The shop's delivery rules (flat fee, free above an amount, postcode zones, delivery slots), one row per business.
create table shop_settings (
    id          uuid         primary key,
    tenant_id   uuid         not null references tenants (id),
    delivery    jsonb        not null,
    created_at  timestamptz  not null,
    created_by  uuid         not null,
    updated_at  timestamptz  not null,
    updated_by  uuid         not null,
    version     bigint       not null default 0
);
create unique index shop_settings_tenant_uq on shop_settings (tenant_id);

-- The orders placed through the shop: whose, the delivery slot taken (counted against its capacity), the payment.
create table shop_orders (
    id          uuid         primary key,
    tenant_id   uuid         not null references tenants (id),
    order_id    uuid         not null references sales_orders (id),
    shopper_id  uuid         not null references shoppers (id),
    slot_day    date,
    slot_label  varchar(40),
    payment     varchar(12)  not null,
    created_at  timestamptz  not null,
    created_by  uuid         not null,
    updated_at  timestamptz  not null,
    updated_by  uuid         not null,
    constraint shop_orders_payment_ck check (payment in ('ON_DELIVERY', 'ONLINE'))
);
create unique index shop_orders_order_uq on shop_orders (tenant_id, order_id);
create index shop_orders_slot_idx on shop_orders (tenant_id, slot_day, slot_label) where slot_day is not null;

create trigger shop_carts_actor before insert or update on shop_carts for each row execute function comptoir_fill_created_by();
create trigger shop_carts_updater before insert or update on shop_carts for each row execute function comptoir_fill_updated_by();
create trigger shop_settings_actor before insert or update on shop_settings for each row execute function comptoir_fill_created_by();
create trigger shop_settings_updater before insert or update on shop_settings for each row execute function comptoir_fill_updated_by();
create trigger shop_orders_actor before insert or update on shop_orders for each row execute function comptoir_fill_created_by();
create trigger shop_orders_updater before insert or update on shop_orders for each row execute function comptoir_fill_updated_by();

alter table shop_carts enable row level security;
alter table shop_carts force row level security;
create policy tenant_isolation on shop_carts
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table shop_settings enable row level security;
alter table shop_settings force row level security;
create policy tenant_isolation on shop_settings
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table shop_orders enable row level security;
alter table shop_orders force row level security;
create policy tenant_isolation on shop_orders
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
