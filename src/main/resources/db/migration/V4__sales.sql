-- Sales: customers and their addresses, quotes (devis), orders with their workflow history, returns,
-- and per-tenant document numbers. Variant ids are the catalog's and users are identity's, stored
-- without foreign keys to other modules' tables (only tenants). Lines keep a copy of what was sold
-- (SKU, label, price, VAT rate) and orders a snapshot of the delivery address, so later changes to
-- the catalog or the customer never rewrite history.

create table sales_customers (
    id          uuid primary key,
    tenant_id   uuid         not null references tenants (id),
    kind        varchar(8)   not null default 'PERSON',
    name        varchar(200) not null,
    email       varchar(200),
    phone       varchar(40),
    notes       text,
    walk_in     boolean      not null default false,
    created_at  timestamptz  not null,
    created_by  uuid,
    updated_at  timestamptz  not null,
    updated_by  uuid,
    deleted_at  timestamptz,
    deleted_by  uuid,
    version     bigint       not null default 0,
    constraint sales_customers_kind_ck check (kind in ('PERSON', 'COMPANY'))
);
create index sales_customers_tenant_name_idx on sales_customers (tenant_id, lower(name)) where deleted_at is null;

create table sales_addresses (
    id               uuid primary key,
    tenant_id        uuid         not null references tenants (id),
    customer_id      uuid         not null references sales_customers (id),
    label            varchar(80),
    line1            varchar(200) not null,
    line2            varchar(200),
    postal_code      varchar(20),
    city             varchar(100) not null,
    country          varchar(2)   not null default 'FR',
    phone            varchar(40),
    instructions     varchar(500),
    default_delivery boolean      not null default false,
    default_billing  boolean      not null default false,
    created_at       timestamptz  not null,
    created_by       uuid,
    updated_at       timestamptz  not null,
    updated_by       uuid,
    version          bigint       not null default 0
);
create index sales_addresses_tenant_customer_idx on sales_addresses (tenant_id, customer_id);
create unique index sales_addresses_default_delivery_uq on sales_addresses (tenant_id, customer_id) where default_delivery;
create unique index sales_addresses_default_billing_uq on sales_addresses (tenant_id, customer_id) where default_billing;

-- The last number given per tenant, kind (CMD, DEV) and year: numbers have no gaps.
create table sales_sequences (
    tenant_id  uuid        not null references tenants (id),
    kind       varchar(3)  not null,
    year       integer     not null,
    last_value bigint      not null,
    primary key (tenant_id, kind, year)
);

create table sales_quotes (
    id              uuid primary key,
    tenant_id       uuid           not null references tenants (id),
    number          varchar(20)    not null,
    status          varchar(10)    not null,
    customer_id     uuid references sales_customers (id),
    customer_name   varchar(200),
    customer_phone  varchar(40),
    valid_until     date           not null,
    notes           text,
    currency        varchar(3)     not null,
    delivery_fee    numeric(14, 2) not null default 0,
    net             numeric(14, 2) not null,
    vat             numeric(14, 2) not null,
    gross           numeric(14, 2) not null,
    order_id        uuid,
    created_at      timestamptz    not null,
    created_by      uuid,
    updated_at      timestamptz    not null,
    updated_by      uuid,
    version         bigint         not null default 0,
    constraint sales_quotes_status_ck check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED'))
);
create unique index sales_quotes_tenant_number_uq on sales_quotes (tenant_id, number);
create index sales_quotes_tenant_created_idx on sales_quotes (tenant_id, created_at desc, id desc);

create table sales_quote_lines (
    id          uuid primary key,
    tenant_id   uuid           not null references tenants (id),
    quote_id    uuid           not null references sales_quotes (id),
    position    integer        not null,
    variant_id  uuid           not null,
    sku         varchar(64)    not null,
    label       varchar(300)   not null,
    quantity    integer        not null,
    unit_price  numeric(14, 2) not null,
    discount    numeric(5, 2)  not null default 0,
    vat_rate    numeric(5, 2)  not null,
    net         numeric(14, 2) not null,
    constraint sales_quote_lines_quantity_ck check (quantity > 0),
    constraint sales_quote_lines_discount_ck check (discount >= 0 and discount <= 100)
);
create index sales_quote_lines_tenant_quote_idx on sales_quote_lines (tenant_id, quote_id, position);

create table sales_orders (
    id               uuid primary key,
    tenant_id        uuid           not null references tenants (id),
    number           varchar(20)    not null,
    status           varchar(16)    not null,
    customer_id      uuid references sales_customers (id),
    customer_name    varchar(200)   not null,
    customer_phone   varchar(40),
    delivery_address jsonb,
    delivery_fee     numeric(14, 2) not null default 0,
    notes            text,
    currency         varchar(3)     not null,
    net              numeric(14, 2) not null,
    vat              numeric(14, 2) not null,
    gross            numeric(14, 2) not null,
    refunded         numeric(14, 2) not null default 0,
    driver_id        uuid,
    driver_name      varchar(120),
    quote_id         uuid references sales_quotes (id),
    idempotency_key  varchar(100),
    created_at       timestamptz    not null,
    created_by       uuid,
    updated_at       timestamptz    not null,
    updated_by       uuid,
    version          bigint         not null default 0,
    constraint sales_orders_status_ck check (status in ('DRAFT', 'CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY',
        'DELIVERED', 'CANCELLED'))
);
create unique index sales_orders_tenant_number_uq on sales_orders (tenant_id, number);
create unique index sales_orders_tenant_idempotency_uq on sales_orders (tenant_id, idempotency_key)
    where idempotency_key is not null;
create index sales_orders_tenant_created_idx on sales_orders (tenant_id, created_at desc, id desc);
create index sales_orders_tenant_status_idx on sales_orders (tenant_id, status, created_at desc);
create index sales_orders_tenant_customer_idx on sales_orders (tenant_id, customer_id, created_at desc);
create index sales_orders_tenant_driver_idx on sales_orders (tenant_id, driver_id, created_at desc)
    where driver_id is not null;

alter table sales_quotes add constraint sales_quotes_order_fk foreign key (order_id) references sales_orders (id);

create table sales_order_lines (
    id                uuid primary key,
    tenant_id         uuid           not null references tenants (id),
    order_id          uuid           not null references sales_orders (id),
    position          integer        not null,
    variant_id        uuid           not null,
    sku               varchar(64)    not null,
    label             varchar(300)   not null,
    quantity          integer        not null,
    unit_price        numeric(14, 2) not null,
    discount          numeric(5, 2)  not null default 0,
    vat_rate          numeric(5, 2)  not null,
    net               numeric(14, 2) not null,
    returned_quantity integer        not null default 0,
    constraint sales_order_lines_quantity_ck check (quantity > 0),
    constraint sales_order_lines_discount_ck check (discount >= 0 and discount <= 100),
    constraint sales_order_lines_returned_ck check (returned_quantity >= 0 and returned_quantity <= quantity)
);
create index sales_order_lines_tenant_order_idx on sales_order_lines (tenant_id, order_id, position);

-- Every status an order went through: who moved it there and when (append-only).
create table sales_order_history (
    id        uuid primary key,
    tenant_id uuid         not null references tenants (id),
    order_id  uuid         not null references sales_orders (id),
    status    varchar(16)  not null,
    at        timestamptz  not null,
    by_id     uuid,
    by_name   varchar(120),
    note      varchar(500)
);
create index sales_order_history_tenant_order_idx on sales_order_history (tenant_id, order_id, at);

create table sales_returns (
    id         uuid primary key,
    tenant_id  uuid           not null references tenants (id),
    order_id   uuid           not null references sales_orders (id),
    reason     varchar(500),
    refund     numeric(14, 2) not null,
    created_at timestamptz    not null,
    created_by uuid
);
create index sales_returns_tenant_order_idx on sales_returns (tenant_id, order_id);

create table sales_return_lines (
    tenant_id     uuid    not null references tenants (id),
    return_id     uuid    not null references sales_returns (id),
    order_line_id uuid    not null references sales_order_lines (id),
    variant_id    uuid    not null,
    quantity      integer not null,
    primary key (tenant_id, return_id, order_line_id),
    constraint sales_return_lines_quantity_ck check (quantity > 0)
);

alter table sales_customers enable row level security;
alter table sales_customers force row level security;
create policy tenant_isolation on sales_customers
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table sales_addresses enable row level security;
alter table sales_addresses force row level security;
create policy tenant_isolation on sales_addresses
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table sales_sequences enable row level security;
alter table sales_sequences force row level security;
create policy tenant_isolation on sales_sequences
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table sales_quotes enable row level security;
alter table sales_quotes force row level security;
create policy tenant_isolation on sales_quotes
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table sales_quote_lines enable row level security;
alter table sales_quote_lines force row level security;
create policy tenant_isolation on sales_quote_lines
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table sales_orders enable row level security;
alter table sales_orders force row level security;
create policy tenant_isolation on sales_orders
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table sales_order_lines enable row level security;
alter table sales_order_lines force row level security;
create policy tenant_isolation on sales_order_lines
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table sales_order_history enable row level security;
alter table sales_order_history force row level security;
create policy tenant_isolation on sales_order_history
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table sales_returns enable row level security;
alter table sales_returns force row level security;
create policy tenant_isolation on sales_returns
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table sales_return_lines enable row level security;
alter table sales_return_lines force row level security;
create policy tenant_isolation on sales_return_lines
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
