-- Issue #13: the business's legal identity (what its documents print) and its invoices and credit notes.

-- One row per business, created on its first save. The logo is small (checked by the application) and
-- kept with the row, so every node of a cluster serves it and a backup of the database holds it.
create table tenant_legal_identities (
    tenant_id      uuid primary key references tenants (id),
    legal_name     varchar(200),
    legal_form     varchar(200),   -- "SARL au capital de 10 000 €"
    address_line1  varchar(200),
    address_line2  varchar(200),
    postal_code    varchar(20),
    city           varchar(120),
    country        varchar(2),
    siren          varchar(9),
    siret          varchar(14),
    vat_number     varchar(20),
    ninea          varchar(20),
    rccm           varchar(40),
    iban           varchar(34),
    bic            varchar(11),
    bank_name      varchar(120),
    payment_days   integer,
    payment_terms  varchar(500),
    legal_mentions text,
    logo           bytea,
    logo_type      varchar(20),
    updated_at     timestamptz not null,
    updated_by     uuid        not null,  -- the system actor when no user wrote it (demo data)
    version        bigint      not null default 0,
    constraint tenant_legal_identities_days_ck check (payment_days is null or payment_days between 0 and 365)
);
create function comptoir_fill_updated_by() returns trigger language plpgsql as $$
begin
    new.updated_by := coalesce(new.updated_by, comptoir_system_actor());
    return new;
end $$;
create trigger tenant_legal_identities_actor before insert or update on tenant_legal_identities for each row
    execute function comptoir_fill_updated_by();
alter table tenant_legal_identities enable row level security;
alter table tenant_legal_identities force row level security;
create policy tenant_isolation on tenant_legal_identities
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

-- Invoice and credit note numbers must have no gap (French law): one counter row per business, kind and year,
-- locked (update ... returning) by the transaction that creates the document, so a rolled-back creation
-- gives its number back.
create table sales_invoice_counters (
    tenant_id  uuid    not null references tenants (id),
    kind       varchar(3) not null,
    year       integer not null,
    last_value bigint  not null,
    primary key (tenant_id, kind, year)
);
alter table sales_invoice_counters enable row level security;
alter table sales_invoice_counters force row level security;
create policy tenant_isolation on sales_invoice_counters
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

-- Invoices (FAC) and credit notes (AVO). The content (seller, buyer, lines, totals, terms) is frozen as
-- issued; the rows are never updated nor deleted (a trigger refuses it): a credit note corrects an invoice.
create table sales_invoices (
    id          uuid primary key,
    tenant_id   uuid           not null references tenants (id),
    kind        varchar(3)     not null,
    number      varchar(24)    not null,
    order_id    uuid           not null references sales_orders (id),
    return_id   uuid,
    invoice_id  uuid references sales_invoices (id),   -- the invoice a credit note corrects
    issued_on   date           not null,
    issued_at   timestamptz    not null,
    issued_by   uuid,
    currency    varchar(3)     not null,
    net         numeric(14, 2) not null,
    vat         numeric(14, 2) not null,
    gross       numeric(14, 2) not null,
    content     jsonb          not null,
    constraint sales_invoices_kind_ck check (kind in ('FAC', 'AVO')),
    constraint sales_invoices_credit_ck check ((kind = 'FAC') = (invoice_id is null))
);
create unique index sales_invoices_tenant_number_uq on sales_invoices (tenant_id, number);
create unique index sales_invoices_order_uq on sales_invoices (tenant_id, order_id) where kind = 'FAC';
create unique index sales_invoices_return_uq on sales_invoices (tenant_id, return_id) where kind = 'AVO';
create index sales_invoices_tenant_issued_idx on sales_invoices (tenant_id, issued_at desc);
alter table sales_invoices enable row level security;
alter table sales_invoices force row level security;
create policy tenant_isolation on sales_invoices
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

create function sales_invoices_are_final() returns trigger language plpgsql as $$
begin
    raise exception 'an invoice or credit note is never changed nor deleted (issue a credit note)'
        using errcode = 'check_violation';
end $$;
create trigger sales_invoices_final before update or delete on sales_invoices
    for each row execute function sales_invoices_are_final();
