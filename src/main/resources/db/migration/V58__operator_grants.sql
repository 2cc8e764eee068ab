-- Operators named from the operator console (#22), beyond the addresses of COMPTOIR_OPERATOR_EMAILS: one row per
-- sign-in address made operator by another operator. Deployment-wide like operator_actions (no tenant_id, no
-- row-level security, not carried by a business export); the grant and its revocation are journaled there.
-- No foreign key to users: the login e-mail is the key operators are recognised by, as for the configured ones.
create table operator_grants (
    email       varchar(254) primary key,
    user_id     uuid         not null,
    granted_at  timestamptz  not null,
    granted_by  varchar(254) not null
);
