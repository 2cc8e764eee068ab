-- Storefront (issue #15), the shoppers' accounts: the e-mailed single-use links of a shopper, one table for both
-- purposes: VERIFY (confirms the e-mail address, 48 hours) and RESET (sets a new password, 48 hours). Only the
-- SHA-256 of each link's token is stored (hex), so a copy of the table opens nothing; a link is spent once by one
-- guarded update (used_at is null and expires_at > now). A link is followed on its shop's address, so the business
-- is known and row-level security applies as everywhere.

create table shopper_links (
    token_hash   varchar(64)  primary key,
    tenant_id    uuid         not null references tenants (id),
    shopper_id   uuid         not null references shoppers (id),
    purpose      varchar(10)  not null,
    expires_at   timestamptz  not null,
    used_at      timestamptz,
    created_at   timestamptz  not null,
    created_by   uuid         not null,
    updated_at   timestamptz  not null,
    updated_by   uuid         not null,
    constraint shopper_links_purpose_ck check (purpose in ('VERIFY', 'RESET'))
);
create index shopper_links_shopper_idx on shopper_links (tenant_id, shopper_id, purpose);
create index shopper_links_expiry_idx on shopper_links (expires_at);

create trigger shopper_links_actor before insert or update on shopper_links for each row execute function comptoir_fill_created_by();
create trigger shopper_links_updater before insert or update on shopper_links for each row execute function comptoir_fill_updated_by();

alter table shopper_links enable row level security;
alter table shopper_links force row level security;
create policy tenant_isolation on shopper_links
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
