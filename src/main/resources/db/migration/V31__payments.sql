-- Payments (issue #19): what is due on an order or an appointment (a "subject"), the payments made on it
-- (online through a provider such as Stripe, or on site: cash, card terminal, transfer, cheque), the refunds, the
-- provider notifications (webhooks) received, and each business's provider account (its keys, encrypted).
--
-- Subjects belong to other modules (sales orders, bookings appointments): their ids are stored without foreign
-- keys. Amounts are numeric(14,2) in the currency's decimals (XOF has none).

-- What is due on a subject: one row per subject, written by the module that owns it (Payments.expect); an amount
-- of 0 means nothing is due any more (cancelled). Its row is also the lock that serialises payments and refunds
-- of the subject (select ... for update), so two cashiers cannot both take the last amount due.
create table payment_dues (
    tenant_id    uuid          not null references tenants (id),
    subject_type varchar(10)   not null,
    subject_id   uuid          not null,
    currency     varchar(3)    not null,
    amount_due   numeric(14,2) not null,
    created_at   timestamptz   not null,
    created_by   uuid          not null,
    updated_at   timestamptz   not null,
    updated_by   uuid          not null,
    version      bigint        not null default 0,
    primary key (tenant_id, subject_type, subject_id),
    constraint payment_dues_type_ck check (subject_type in ('ORDER', 'BOOKING')),
    constraint payment_dues_amount_ck check (amount_due >= 0)
);

-- One payment of a subject. An online one starts PENDING with its provider's checkout (session id, page, expiry)
-- and becomes SUCCEEDED, FAILED or EXPIRED from the provider's webhook; an on-site one is SUCCEEDED when staff
-- record it. Only SUCCEEDED payments count as paid (paid_at is the instant the money was received).
create table payments (
    id                  uuid          primary key,
    tenant_id           uuid          not null references tenants (id),
    subject_type        varchar(10)   not null,
    subject_id          uuid          not null,
    method              varchar(20)   not null,
    provider            varchar(20)   not null,   -- 'on-site', 'stripe' (later 'wave', 'orange-money')
    status              varchar(10)   not null,
    amount              numeric(14,2) not null,
    currency            varchar(3)    not null,
    reference           varchar(120),             -- cheque number, transfer id, terminal receipt
    note                varchar(500),
    provider_session_id varchar(255),             -- Stripe: the Checkout Session (cs_...)
    provider_payment_id varchar(255),             -- Stripe: the PaymentIntent (pi_...), what refunds point at
    checkout_url        varchar(2000),
    description         varchar(200),
    customer_email      varchar(254),
    success_url         varchar(2000),
    cancel_url          varchar(2000),
    expires_at          timestamptz,
    paid_at             timestamptz,
    failure_reason      varchar(40),
    test_mode           boolean       not null default false,
    idempotency_key     varchar(120),             -- the caller's Idempotency-Key, prefixed by the act (on-site:, checkout:)
    request_hash        varchar(64),
    created_at          timestamptz   not null,
    created_by          uuid          not null,
    updated_at          timestamptz   not null,
    updated_by          uuid          not null,
    version             bigint        not null default 0,
    constraint payments_type_ck check (subject_type in ('ORDER', 'BOOKING')),
    constraint payments_method_ck check (method in ('CARD_ONLINE', 'CASH', 'CARD_TERMINAL', 'TRANSFER', 'CHEQUE')),
    constraint payments_status_ck check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED')),
    constraint payments_amount_ck check (amount > 0),
    constraint payments_paid_ck check ((status = 'SUCCEEDED') = (paid_at is not null))
);
create index payments_subject_idx on payments (tenant_id, subject_type, subject_id, created_at desc);
create index payments_paid_idx on payments (tenant_id, paid_at) where status = 'SUCCEEDED';
create index payments_created_idx on payments (tenant_id, created_at desc);
create index payments_pending_idx on payments (tenant_id, expires_at) where status = 'PENDING';
create unique index payments_idempotency_uq on payments (tenant_id, idempotency_key) where idempotency_key is not null;
create unique index payments_session_uq on payments (tenant_id, provider, provider_session_id)
    where provider_session_id is not null;

-- Money given back from one payment. One refund request may take from several payments (its parts share the
-- request_id, derived from the Idempotency-Key when there is one). An online refund is what the provider says
-- (PENDING until it confirms); an on-site one is SUCCEEDED when recorded. PENDING and SUCCEEDED count.
create table payment_refunds (
    id                 uuid          primary key,
    tenant_id          uuid          not null references tenants (id),
    payment_id         uuid          not null references payments (id),
    request_id         uuid          not null,
    amount             numeric(14,2) not null,
    currency           varchar(3)    not null,
    status             varchar(10)   not null,
    reason             varchar(500),
    provider_refund_id varchar(255),             -- Stripe: re_...
    request_hash       varchar(64),
    refunded_at        timestamptz   not null,   -- when it was asked (the cash drawer counts it on that day)
    created_at         timestamptz   not null,
    created_by         uuid          not null,
    updated_at         timestamptz   not null,
    updated_by         uuid          not null,
    version            bigint        not null default 0,
    constraint payment_refunds_status_ck check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    constraint payment_refunds_amount_ck check (amount > 0)
);
create index payment_refunds_payment_idx on payment_refunds (tenant_id, payment_id);
create index payment_refunds_day_idx on payment_refunds (tenant_id, refunded_at);
create unique index payment_refunds_request_uq on payment_refunds (tenant_id, request_id, payment_id);
create unique index payment_refunds_provider_uq on payment_refunds (tenant_id, provider_refund_id)
    where provider_refund_id is not null;

-- The provider notifications received, one row per event id: the key that makes a replayed or duplicated
-- delivery a no-op (insert ... on conflict do nothing, in the transaction that applies the event).
create table payment_webhook_events (
    tenant_id   uuid         not null references tenants (id),
    provider    varchar(20)  not null,
    event_id    varchar(255) not null,
    event_type  varchar(100) not null,
    object_id   varchar(255),
    outcome     varchar(40)  not null,
    received_at timestamptz  not null,
    created_at  timestamptz  not null,
    created_by  uuid         not null,
    updated_at  timestamptz  not null,
    updated_by  uuid         not null,
    primary key (tenant_id, provider, event_id)
);
create index payment_webhook_events_received_idx on payment_webhook_events (tenant_id, received_at desc);

-- A business's account with an online provider. The secrets (Stripe: the secret key and the webhook signing
-- secret) are one JSON document encrypted with AES-256-GCM (iv || ciphertext || tag), bound to the business and
-- the provider as associated data; key_id names the deployment key that sealed it, so that after a rotation the
-- previous keys still open older rows. Never returned: only the hint (the key's last four characters) and the mode.
create table payment_provider_accounts (
    tenant_id         uuid         not null references tenants (id),
    provider          varchar(20)  not null,
    secrets_encrypted bytea        not null,
    key_id            varchar(16)  not null,
    key_hint          varchar(8)   not null,
    test_mode         boolean      not null,
    created_at        timestamptz  not null,
    created_by        uuid         not null,
    updated_at        timestamptz  not null,
    updated_by        uuid         not null,
    version           bigint       not null default 0,
    primary key (tenant_id, provider)
);

create trigger payment_dues_actor before insert or update on payment_dues
    for each row execute function comptoir_fill_created_by();
create trigger payment_dues_updater before insert or update on payment_dues
    for each row execute function comptoir_fill_updated_by();
create trigger payments_actor before insert or update on payments
    for each row execute function comptoir_fill_created_by();
create trigger payments_updater before insert or update on payments
    for each row execute function comptoir_fill_updated_by();
create trigger payment_refunds_actor before insert or update on payment_refunds
    for each row execute function comptoir_fill_created_by();
create trigger payment_refunds_updater before insert or update on payment_refunds
    for each row execute function comptoir_fill_updated_by();
create trigger payment_webhook_events_actor before insert or update on payment_webhook_events
    for each row execute function comptoir_fill_created_by();
create trigger payment_webhook_events_updater before insert or update on payment_webhook_events
    for each row execute function comptoir_fill_updated_by();
create trigger payment_provider_accounts_actor before insert or update on payment_provider_accounts
    for each row execute function comptoir_fill_created_by();
create trigger payment_provider_accounts_updater before insert or update on payment_provider_accounts
    for each row execute function comptoir_fill_updated_by();

alter table payment_dues enable row level security;
alter table payment_dues force row level security;
create policy tenant_isolation on payment_dues
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table payments enable row level security;
alter table payments force row level security;
create policy tenant_isolation on payments
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table payment_refunds enable row level security;
alter table payment_refunds force row level security;
create policy tenant_isolation on payment_refunds
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table payment_webhook_events enable row level security;
alter table payment_webhook_events force row level security;
create policy tenant_isolation on payment_webhook_events
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table payment_provider_accounts enable row level security;
alter table payment_provider_accounts force row level security;
create policy tenant_isolation on payment_provider_accounts
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
