-- Password reset and invitations (issue #14).
--
-- A reset link is asked for before anybody is signed in, and followed from an e-mail that names no business:
-- like login_directory and the passkey tables, password_resets is global (no row-level security) and names
-- the business of each row. It keeps only the SHA-256 of each 256-bit token, so nothing in it lets anyone
-- reset a password.
create table password_resets (
    token_hash varchar(64)  primary key, -- hex SHA-256 of the token e-mailed to the user
    tenant_id  uuid         not null references tenants (id),
    user_id    uuid         not null references users (id) on delete cascade,
    created_at timestamptz  not null,
    expires_at timestamptz  not null,
    used_at    timestamptz
);
create index password_resets_user_idx on password_resets (tenant_id, user_id);
create index password_resets_expires_idx on password_resets (expires_at);

-- An administrator's invitation of a colleague: business data, owned by the business (row-level security).
create table invitations (
    id               uuid         primary key,
    tenant_id        uuid         not null references tenants (id),
    email            varchar(254) not null,
    role             varchar(20)  not null,
    invited_by       uuid         references users (id),
    invited_by_name  varchar(120) not null,
    created_at       timestamptz  not null,
    sent_at          timestamptz  not null,
    expires_at       timestamptz  not null,
    accepted_at      timestamptz,
    accepted_user_id uuid         references users (id),
    revoked_at       timestamptz
);
create index invitations_tenant_idx on invitations (tenant_id, created_at desc);
create index invitations_tenant_email_idx on invitations (tenant_id, email);

alter table invitations enable row level security;
alter table invitations force row level security;
create policy tenant_isolation on invitations
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

-- The link of an invitation, found from the token alone (global like password_resets, hashes only); sending
-- an invitation again replaces its link.
create table invitation_links (
    token_hash    varchar(64) primary key,
    tenant_id     uuid        not null references tenants (id),
    invitation_id uuid        not null references invitations (id) on delete cascade
);
create index invitation_links_invitation_idx on invitation_links (invitation_id);
