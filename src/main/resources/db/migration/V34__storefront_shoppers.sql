-- Storefront (issue #15): the shop's own customer accounts ("shoppers"), apart from staff users, and their signed-in
-- sessions. A shopper belongs to one business (the same e-mail may shop at two businesses: two accounts) and is
-- linked to that business's sales customer, who carries the addresses and the orders.
--
-- Sessions: the browser (a cookie) or the store API's client (a bearer token) holds a random 256-bit token; only its
-- SHA-256 is stored, so a copy of the table opens no account.

create table shoppers (
    id                 uuid          primary key,
    tenant_id          uuid          not null references tenants (id),
    email              varchar(254)  not null,
    password_hash      varchar(200),                         -- null once the account is deleted (anonymised)
    name               varchar(120)  not null,
    phone              varchar(40),
    customer_id        uuid,                                 -- the sales customer of this shopper (sales module)
    locale             varchar(5)    not null default 'fr',
    email_verified_at  timestamptz,
    created_at         timestamptz   not null,
    created_by         uuid          not null,
    updated_at         timestamptz   not null,
    updated_by         uuid          not null,
    deleted_at         timestamptz,
    deleted_by         uuid,
    version            bigint        not null default 0,
    constraint shoppers_locale_ck check (locale in ('fr', 'en'))
);
create unique index shoppers_email_uq on shoppers (tenant_id, lower(email)) where deleted_at is null;
create index shoppers_customer_idx on shoppers (tenant_id, customer_id);

create table shopper_sessions (
    token_hash    bytea        primary key,
    tenant_id     uuid         not null references tenants (id),
    shopper_id    uuid         not null references shoppers (id),
    kind          varchar(10)  not null,                     -- COOKIE (the shop's pages) or BEARER (the store API)
    created_at    timestamptz  not null,
    last_seen_at  timestamptz  not null,
    expires_at    timestamptz  not null,
    constraint shopper_sessions_kind_ck check (kind in ('COOKIE', 'BEARER'))
);
create index shopper_sessions_shopper_idx on shopper_sessions (tenant_id, shopper_id);
create index shopper_sessions_expiry_idx on shopper_sessions (expires_at);

create trigger shoppers_actor before insert or update on shoppers for each row execute function comptoir_fill_created_by();
create trigger shoppers_updater before insert or update on shoppers for each row execute function comptoir_fill_updated_by();

alter table shoppers enable row level security;
alter table shoppers force row level security;
create policy tenant_isolation on shoppers
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table shopper_sessions enable row level security;
alter table shopper_sessions force row level security;
create policy tenant_isolation on shopper_sessions
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
