-- Operator console (#22): the deployment's operator suspends and resumes a business, gives it a plan whose
-- quotas the application enforces, and every operator act is recorded with its reason.
-- A business starts on the unlimited plan: the operator chooses a smaller one, no business is cut by an upgrade.
alter table tenants add column plan varchar(20) not null default 'ILLIMITE';
alter table tenants add constraint tenants_plan_ck check (plan in ('ESSENTIEL', 'PRO', 'ILLIMITE'));
alter table tenants add column suspended_at timestamptz;
alter table tenants add column suspension_reason varchar(500);

-- The operator's journal: deployment-wide (no tenant_id, no row-level security, not carried by a business export),
-- append-only. business_id is null for acts on no single business (none yet); no foreign key, the journal outlives
-- what it names.
create table operator_actions (
    id             uuid         primary key,
    at             timestamptz  not null,
    operator_id    uuid         not null,
    operator_email varchar(254) not null,
    action         varchar(30)  not null,
    business_id    uuid,
    reason         varchar(500) not null,
    details        varchar(500)
);
create index operator_actions_at_ix on operator_actions (at desc);
create index operator_actions_business_ix on operator_actions (business_id, at desc);
