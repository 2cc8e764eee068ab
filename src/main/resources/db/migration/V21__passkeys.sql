-- Passkeys (WebAuthn, issue #13). Global tables like login_directory, without row-level security: a
-- passkey sign-in starts before the business is known (the browser only presents a credential id and the
-- user handle), so these rows name the business. Only public keys and public registration data are kept:
-- nothing here lets anyone sign in without the authenticator that holds the private key.
create table passkey_users (
    user_handle varchar(100) primary key, -- the WebAuthn user handle, base64url (random, not the user id)
    tenant_id   uuid         not null references tenants (id),
    user_id     uuid         not null unique references users (id) on delete cascade,
    email       varchar(254) not null,
    name        varchar(120) not null,
    created_at  timestamptz  not null default now()
);

create table passkey_credentials (
    credential_id      varchar(1400) primary key, -- base64url
    user_handle        varchar(100)  not null references passkey_users (user_handle) on delete cascade,
    tenant_id          uuid          not null references tenants (id),
    user_id            uuid          not null references users (id) on delete cascade,
    credential_type    varchar(40)   not null,
    public_key         bytea         not null, -- COSE public key
    signature_count    bigint        not null,
    uv_initialized     boolean       not null,
    backup_eligible    boolean       not null,
    backup_state       boolean       not null,
    transports         varchar(200)  not null, -- comma-separated
    attestation_object bytea,
    attestation_client_data_json bytea,
    label              varchar(120)  not null,
    created_at         timestamptz   not null,
    last_used_at       timestamptz
);
create index passkey_credentials_user_idx on passkey_credentials (user_handle);
create index passkey_credentials_owner_idx on passkey_credentials (tenant_id, user_id);
