-- Purchasing: the suppliers a business buys from (manual contacts, or registered suppliers: businesses of kind
-- SUPPLIER with a commercial profile and a catalog on the marketplace), purchase orders with their history and
-- receipts into stock, ratings, invitations, recurring orders and attachments.
--
-- Cross-business rows. A purchase order belongs to the buying business (tenant_id); a connected order also
-- carries the registered supplier's business (supplier_tenant_id), and row-level security lets exactly those two
-- businesses see it: a supplier sees the orders addressed to it, a shopkeeper only its own. Registered
-- suppliers' profiles, catalogs and reviews are the marketplace: every signed-in business may read them, only
-- their owner writes them. Variant, location and user ids are other modules' and are stored without foreign keys.

alter table tenants add column kind varchar(10) not null default 'MERCHANT';
alter table tenants add constraint tenants_kind_ck check (kind in ('MERCHANT', 'SUPPLIER'));

-- Managers may now buy: stored role matrices (businesses that changed theirs) get the new permission for
-- managers, as the default matrix does.
update tenants set role_permissions = array_append(role_permissions, 'MANAGER:PURCHASES_WRITE')
    where role_permissions is not null and not ('MANAGER:PURCHASES_WRITE' = any (role_permissions));

-- Per-business purchasing settings (a missing row means the defaults).
create table purchasing_settings (
    tenant_id         uuid        primary key references tenants (id),
    cost_method       varchar(20) not null default 'WEIGHTED_AVERAGE',
    reminder_days     integer     not null default 3,   -- remind when an order stays SENT this many days
    created_at        timestamptz not null,
    created_by        uuid        not null,
    updated_at        timestamptz not null,
    updated_by        uuid        not null,
    version           bigint      not null default 0,
    constraint purchasing_settings_cost_ck check (cost_method in ('LAST', 'WEIGHTED_AVERAGE')),
    constraint purchasing_settings_reminder_ck check (reminder_days between 1 and 60)
);

-- The suppliers of a business. A manual supplier is a contact; once it registers (or the shopkeeper picks a
-- registered supplier on the marketplace) registered_tenant_id links it to that supplier's business.
create table suppliers (
    id                   uuid         primary key,
    tenant_id            uuid         not null references tenants (id),
    name                 varchar(160) not null,
    contact_name         varchar(120),
    phone                varchar(40),
    email                varchar(254),
    address              varchar(300),
    city                 varchar(100),
    notes                text,
    favourite            boolean      not null default false,
    registered_tenant_id uuid         references tenants (id),
    created_at           timestamptz  not null,
    created_by           uuid         not null,
    updated_at           timestamptz  not null,
    updated_by           uuid         not null,
    deleted_at           timestamptz,
    deleted_by           uuid,
    version              bigint       not null default 0
);
create index suppliers_tenant_name_idx on suppliers (tenant_id, lower(name)) where deleted_at is null;
create unique index suppliers_registered_uq on suppliers (tenant_id, registered_tenant_id)
    where registered_tenant_id is not null and deleted_at is null;

-- What a supplier supplies: a variant of the business's catalog with its cost, pack size, minimum quantity and
-- lead time; several suppliers per variant, at most one preferred.
create table supplier_variants (
    id             uuid          primary key,
    tenant_id      uuid          not null references tenants (id),
    supplier_id    uuid          not null references suppliers (id),
    variant_id     uuid          not null,
    supplier_sku   varchar(60),
    cost           numeric(14,2) not null,
    pack_size      integer       not null default 1,
    min_quantity   integer       not null default 1,
    lead_time_days integer,
    preferred      boolean       not null default false,
    supplier_product_id uuid,     -- the registered supplier's catalog item, for a connected order
    created_at     timestamptz   not null,
    created_by     uuid          not null,
    updated_at     timestamptz   not null,
    updated_by     uuid          not null,
    deleted_at     timestamptz,
    deleted_by     uuid,
    version        bigint        not null default 0,
    constraint supplier_variants_cost_ck check (cost >= 0),
    constraint supplier_variants_pack_ck check (pack_size >= 1),
    constraint supplier_variants_min_ck check (min_quantity >= 1),
    constraint supplier_variants_lead_ck check (lead_time_days is null or lead_time_days between 0 and 365)
);
create unique index supplier_variants_uq on supplier_variants (tenant_id, supplier_id, variant_id) where deleted_at is null;
create unique index supplier_variants_preferred_uq on supplier_variants (tenant_id, variant_id)
    where preferred and deleted_at is null;
create index supplier_variants_variant_idx on supplier_variants (tenant_id, variant_id) where deleted_at is null;

-- A registered supplier's commercial profile (tenant_id is the supplier's business, of kind SUPPLIER).
create table supplier_profiles (
    tenant_id             uuid          primary key references tenants (id),
    company               varchar(160)  not null,
    description           text,
    city                  varchar(100),
    delivery_zones        text[]        not null default '{}',
    categories            text[]        not null default '{}',
    minimum_order         numeric(14,2) not null default 0,
    currency              varchar(3)    not null,
    average_delivery_days integer,
    phone                 varchar(40),
    email                 varchar(254),
    verified              boolean       not null default false,
    published             boolean       not null default true,
    created_at            timestamptz   not null,
    created_by            uuid          not null,
    updated_at            timestamptz   not null,
    updated_by            uuid          not null,
    version               bigint        not null default 0
);

-- A registered supplier's catalog (tenant_id is the supplier's business).
create table supplier_products (
    id              uuid          primary key,
    tenant_id       uuid          not null references tenants (id),
    name            varchar(200)  not null,
    category        varchar(100),
    description     text,
    price           numeric(14,2) not null,
    unit            varchar(30)   not null default 'unité',
    min_quantity    integer       not null default 1,
    available_stock integer,
    available       boolean       not null default true,
    created_at      timestamptz   not null,
    created_by      uuid          not null,
    updated_at      timestamptz   not null,
    updated_by      uuid          not null,
    deleted_at      timestamptz,
    deleted_by      uuid,
    version         bigint        not null default 0,
    constraint supplier_products_price_ck check (price >= 0),
    constraint supplier_products_min_ck check (min_quantity >= 1),
    constraint supplier_products_stock_ck check (available_stock is null or available_stock >= 0)
);
create index supplier_products_tenant_idx on supplier_products (tenant_id, lower(name)) where deleted_at is null;

-- Purchase orders: tenant_id is the buying business; supplier_tenant_id is set for a connected order (to a
-- registered supplier), whose status then moves from the supplier's side. Names are snapshots so each side
-- reads the order without the other's tables.
create table purchase_orders (
    id                  uuid          primary key,
    tenant_id           uuid          not null references tenants (id),
    number              varchar(20)   not null,
    supplier_id         uuid          not null references suppliers (id),
    supplier_tenant_id  uuid          references tenants (id),
    supplier_name       varchar(160)  not null,
    buyer_name          varchar(120)  not null,
    status              varchar(20)   not null,
    currency            varchar(3)    not null,
    total               numeric(14,2) not null default 0,
    expected_on         date,
    notes               text,
    delivery_location_id uuid,
    recurring_id        uuid,
    reordered_from_id   uuid,
    sent_at             timestamptz,
    confirmed_at        timestamptz,
    shipped_at          timestamptz,
    delivered_at        timestamptz,
    cancelled_at        timestamptz,
    cancel_reason       varchar(300),
    reminded_at         timestamptz,   -- the "still not confirmed" reminder went out
    late_alerted_on     date,          -- the expected date a LATE_DELIVERY alert was raised for
    created_at          timestamptz   not null,
    created_by          uuid          not null,
    updated_at          timestamptz   not null,
    updated_by          uuid          not null,
    deleted_at          timestamptz,
    deleted_by          uuid,
    version             bigint        not null default 0,
    constraint purchase_orders_status_ck check (status in ('DRAFT', 'SENT', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    constraint purchase_orders_total_ck check (total >= 0)
);
create unique index purchase_orders_number_uq on purchase_orders (tenant_id, number);
create index purchase_orders_tenant_idx on purchase_orders (tenant_id, created_at desc) where deleted_at is null;
create index purchase_orders_supplier_tenant_idx on purchase_orders (supplier_tenant_id, created_at desc)
    where supplier_tenant_id is not null and deleted_at is null;
create index purchase_orders_open_idx on purchase_orders (tenant_id, expected_on)
    where status in ('SENT', 'CONFIRMED', 'SHIPPED') and deleted_at is null;

-- Lines: the buyer's variant (and, for a connected order, the supplier's catalog item), a copy of what was
-- ordered, the quantity ordered and received so far.
create table purchase_order_lines (
    id                  uuid          primary key,
    tenant_id           uuid          not null references tenants (id),
    supplier_tenant_id  uuid          references tenants (id),
    order_id            uuid          not null references purchase_orders (id),
    position            integer       not null,
    variant_id          uuid,
    supplier_product_id uuid,
    sku                 varchar(60),
    label               varchar(300)  not null,
    quantity            integer       not null,
    unit_cost           numeric(14,2) not null,
    received_quantity   integer       not null default 0,
    constraint purchase_order_lines_qty_ck check (quantity > 0 and quantity <= 1000000000),
    constraint purchase_order_lines_received_ck check (received_quantity >= 0),
    constraint purchase_order_lines_cost_ck check (unit_cost >= 0),
    constraint purchase_order_lines_item_ck check (variant_id is not null or supplier_product_id is not null)
);
create index purchase_order_lines_order_idx on purchase_order_lines (order_id, position);
create index purchase_order_lines_variant_idx on purchase_order_lines (tenant_id, variant_id);

-- The timeline of an order: each status change, who made it (from which side) and when.
create table purchase_order_history (
    id                 uuid         primary key,
    tenant_id          uuid         not null references tenants (id),
    supplier_tenant_id uuid         references tenants (id),
    order_id           uuid         not null references purchase_orders (id),
    status             varchar(20)  not null,
    note               varchar(300),
    by_supplier        boolean      not null default false,
    at                 timestamptz  not null,
    by_user            uuid
);
create index purchase_order_history_order_idx on purchase_order_history (order_id, at);

-- The last purchase order number given per business and year (ACH-2026-000001): numbers have no gaps.
create table purchase_counters (
    tenant_id  uuid    not null references tenants (id),
    year       integer not null,
    last_value bigint  not null,
    primary key (tenant_id, year)
);

-- Receipts: goods received against an order, in a location. The id is the client's (or derived from its
-- Idempotency-Key), so a retried receipt is recorded once.
create table purchase_receipts (
    id           uuid         primary key,
    tenant_id    uuid         not null references tenants (id),
    order_id     uuid         not null references purchase_orders (id),
    location_id  uuid         not null,
    received_at  timestamptz  not null,
    received_by  uuid,
    note         varchar(300),
    request_hash varchar(64)
);
create index purchase_receipts_order_idx on purchase_receipts (order_id, received_at);

create table purchase_receipt_lines (
    id          uuid    primary key,
    tenant_id   uuid    not null references tenants (id),
    receipt_id  uuid    not null references purchase_receipts (id),
    line_id     uuid    not null references purchase_order_lines (id),
    variant_id  uuid    not null,
    quantity    integer not null,
    unit_cost   numeric(14,2) not null,
    movement_id uuid    not null,
    constraint purchase_receipt_lines_qty_ck check (quantity > 0)
);
create index purchase_receipt_lines_receipt_idx on purchase_receipt_lines (receipt_id);

-- Ratings after delivery: one per order, 1 to 5 with a comment. Reviews of registered suppliers are public on
-- the marketplace.
create table supplier_ratings (
    id                 uuid         primary key,
    tenant_id          uuid         not null references tenants (id),
    supplier_id        uuid         not null references suppliers (id),
    supplier_tenant_id uuid         references tenants (id),
    order_id           uuid         not null references purchase_orders (id),
    score              integer      not null,
    comment            varchar(1000),
    buyer_name         varchar(120) not null,
    created_at         timestamptz  not null,
    created_by         uuid         not null,
    constraint supplier_ratings_score_ck check (score between 1 and 5)
);
create unique index supplier_ratings_order_uq on supplier_ratings (order_id);
create index supplier_ratings_supplier_idx on supplier_ratings (tenant_id, supplier_id);
create index supplier_ratings_registered_idx on supplier_ratings (supplier_tenant_id, created_at desc)
    where supplier_tenant_id is not null;

-- Invitations: a shopkeeper invites a manual supplier by e-mail to register. Only the SHA-256 of the token is
-- kept; the link is found from the token alone through supplier_invitation_links (global, hashes only).
create table supplier_invitations (
    id                   uuid         primary key,
    tenant_id            uuid         not null references tenants (id),
    supplier_id          uuid         not null references suppliers (id),
    email                varchar(254) not null,
    expires_at           timestamptz  not null,
    accepted_at          timestamptz,
    accepted_tenant_id   uuid         references tenants (id),
    created_at           timestamptz  not null,
    created_by           uuid         not null
);
create index supplier_invitations_supplier_idx on supplier_invitations (tenant_id, supplier_id, created_at desc);

create table supplier_invitation_links (
    token_hash    varchar(64) primary key,
    tenant_id     uuid        not null references tenants (id),
    invitation_id uuid        not null references supplier_invitations (id) on delete cascade
);

-- Recurring purchase orders: a draft created on schedule (e.g. every Monday) with the template's lines.
create table recurring_purchase_orders (
    id            uuid         primary key,
    tenant_id     uuid         not null references tenants (id),
    supplier_id   uuid         not null references suppliers (id),
    name          varchar(120) not null,
    every_weeks   integer      not null default 1,
    day_of_week   integer      not null,          -- ISO: 1 = Monday
    next_run_on   date         not null,
    active        boolean      not null default true,
    created_at    timestamptz  not null,
    created_by    uuid         not null,
    updated_at    timestamptz  not null,
    updated_by    uuid         not null,
    deleted_at    timestamptz,
    deleted_by    uuid,
    version       bigint       not null default 0,
    constraint recurring_purchase_orders_every_ck check (every_weeks between 1 and 52),
    constraint recurring_purchase_orders_day_ck check (day_of_week between 1 and 7)
);
create index recurring_purchase_orders_due_idx on recurring_purchase_orders (next_run_on) where active and deleted_at is null;

create table recurring_purchase_order_lines (
    id           uuid          primary key,
    tenant_id    uuid          not null references tenants (id),
    recurring_id uuid          not null references recurring_purchase_orders (id),
    position     integer       not null,
    variant_id   uuid          not null,
    quantity     integer       not null,
    unit_cost    numeric(14,2) not null,
    constraint recurring_lines_qty_ck check (quantity > 0)
);

-- A photo or PDF of a delivery note or an invoice attached to an order (the file lives in the data directory).
create table purchase_attachments (
    id           uuid         primary key,
    tenant_id    uuid         not null references tenants (id),
    order_id     uuid         not null references purchase_orders (id),
    kind         varchar(20)  not null,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    storage_key  varchar(300) not null,
    created_at   timestamptz  not null,
    created_by   uuid         not null,
    deleted_at   timestamptz,
    deleted_by   uuid,
    constraint purchase_attachments_kind_ck check (kind in ('DELIVERY_NOTE', 'INVOICE', 'OTHER'))
);
create index purchase_attachments_order_idx on purchase_attachments (order_id) where deleted_at is null;

-- Who fills created_by / updated_by when no user wrote the row (the system actor).
create trigger purchasing_settings_actor before insert or update on purchasing_settings for each row execute function comptoir_fill_created_by();
create trigger purchasing_settings_updater before insert or update on purchasing_settings for each row execute function comptoir_fill_updated_by();
create trigger suppliers_actor before insert or update on suppliers for each row execute function comptoir_fill_created_by();
create trigger suppliers_updater before insert or update on suppliers for each row execute function comptoir_fill_updated_by();
create trigger supplier_variants_actor before insert or update on supplier_variants for each row execute function comptoir_fill_created_by();
create trigger supplier_variants_updater before insert or update on supplier_variants for each row execute function comptoir_fill_updated_by();
create trigger supplier_profiles_actor before insert or update on supplier_profiles for each row execute function comptoir_fill_created_by();
create trigger supplier_profiles_updater before insert or update on supplier_profiles for each row execute function comptoir_fill_updated_by();
create trigger supplier_products_actor before insert or update on supplier_products for each row execute function comptoir_fill_created_by();
create trigger supplier_products_updater before insert or update on supplier_products for each row execute function comptoir_fill_updated_by();
create trigger purchase_orders_actor before insert or update on purchase_orders for each row execute function comptoir_fill_created_by();
create trigger purchase_orders_updater before insert or update on purchase_orders for each row execute function comptoir_fill_updated_by();
create trigger supplier_ratings_actor before insert or update on supplier_ratings for each row execute function comptoir_fill_created_by();
create trigger supplier_invitations_actor before insert or update on supplier_invitations for each row execute function comptoir_fill_created_by();
create trigger recurring_purchase_orders_actor before insert or update on recurring_purchase_orders for each row execute function comptoir_fill_created_by();
create trigger recurring_purchase_orders_updater before insert or update on recurring_purchase_orders for each row execute function comptoir_fill_updated_by();
create trigger purchase_attachments_actor before insert or update on purchase_attachments for each row execute function comptoir_fill_created_by();

-- Row-level security. Own rows only, except: an order, its lines and its history are also the addressed
-- supplier's; profiles, catalogs and reviews of registered suppliers are readable by every signed-in business.
alter table purchasing_settings enable row level security;
alter table purchasing_settings force row level security;
create policy tenant_isolation on purchasing_settings
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table suppliers enable row level security;
alter table suppliers force row level security;
create policy tenant_isolation on suppliers
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table supplier_variants enable row level security;
alter table supplier_variants force row level security;
create policy tenant_isolation on supplier_variants
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table supplier_profiles enable row level security;
alter table supplier_profiles force row level security;
create policy tenant_isolation on supplier_profiles
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
create policy marketplace_read on supplier_profiles for select
    using (current_tenant_id() is not null and published);

alter table supplier_products enable row level security;
alter table supplier_products force row level security;
create policy tenant_isolation on supplier_products
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
create policy marketplace_read on supplier_products for select
    using (current_tenant_id() is not null and deleted_at is null);

alter table purchase_orders enable row level security;
alter table purchase_orders force row level security;
create policy buyer_or_supplier on purchase_orders
    using (tenant_id = current_tenant_id() or supplier_tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id() or supplier_tenant_id = current_tenant_id());

alter table purchase_order_lines enable row level security;
alter table purchase_order_lines force row level security;
create policy buyer_or_supplier on purchase_order_lines
    using (tenant_id = current_tenant_id() or supplier_tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id() or supplier_tenant_id = current_tenant_id());

alter table purchase_order_history enable row level security;
alter table purchase_order_history force row level security;
create policy buyer_or_supplier on purchase_order_history
    using (tenant_id = current_tenant_id() or supplier_tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id() or supplier_tenant_id = current_tenant_id());

alter table purchase_counters enable row level security;
alter table purchase_counters force row level security;
create policy tenant_isolation on purchase_counters
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table purchase_receipts enable row level security;
alter table purchase_receipts force row level security;
create policy tenant_isolation on purchase_receipts
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table purchase_receipt_lines enable row level security;
alter table purchase_receipt_lines force row level security;
create policy tenant_isolation on purchase_receipt_lines
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table supplier_ratings enable row level security;
alter table supplier_ratings force row level security;
create policy buyer_or_supplier on supplier_ratings
    using (tenant_id = current_tenant_id() or supplier_tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
create policy marketplace_read on supplier_ratings for select
    using (current_tenant_id() is not null and supplier_tenant_id is not null);

alter table supplier_invitations enable row level security;
alter table supplier_invitations force row level security;
create policy tenant_isolation on supplier_invitations
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table recurring_purchase_orders enable row level security;
alter table recurring_purchase_orders force row level security;
create policy tenant_isolation on recurring_purchase_orders
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table recurring_purchase_order_lines enable row level security;
alter table recurring_purchase_order_lines force row level security;
create policy tenant_isolation on recurring_purchase_order_lines
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table purchase_attachments enable row level security;
alter table purchase_attachments force row level security;
create policy tenant_isolation on purchase_attachments
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
