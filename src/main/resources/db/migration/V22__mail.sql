-- The e-mails Comptoir sends (password resets, invitations, quotes, the notices users chose), one row per
-- message and recipient: what was sent to whom, and how the delivery went. A row is written in the
-- transaction of the event it tells (so a crash loses nothing); a db-scheduler task sends it after the
-- commit and retries a failure with a growing delay. source_key names the event and the recipient: a
-- replayed event finds its row (on conflict do nothing) and sends nothing twice.
create table mails (
    id              uuid         primary key,
    tenant_id       uuid         not null,
    source_key      varchar(200) not null,
    recipient       varchar(320),            -- null when the recipient has no address (UNSENDABLE)
    subject         varchar(300) not null,
    template        varchar(60)  not null,
    locale          varchar(20)  not null,
    html_body       text,                    -- cleared once sent: a link in it may carry a single-use token
    text_body       text,
    attachment_name varchar(200),
    attachment      bytea,
    status          varchar(20)  not null,
    reason          text,                    -- why the last attempt failed, bounced, or cannot be made
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,             -- the planned retry of a FAILED mail (null: none)
    sent_at         timestamptz,
    created_by      uuid         not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    constraint mails_status_ck check (status in ('QUEUED', 'SENT', 'FAILED', 'BOUNCED', 'UNSENDABLE')),
    constraint mails_attempts_ck check (attempts >= 0),
    constraint mails_source_uk unique (tenant_id, source_key)
);

create trigger mails_actor before insert or update on mails for each row execute function comptoir_fill_created_by();

create index mails_tenant_created_idx on mails (tenant_id, created_at desc, id desc);
create index mails_tenant_status_idx on mails (tenant_id, status, created_at desc);

alter table mails enable row level security;
alter table mails force row level security;
create policy tenant_isolation on mails
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
