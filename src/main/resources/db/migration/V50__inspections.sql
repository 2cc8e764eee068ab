-- Vehicle inspections (issue #20): vehicles and their history, inspections run on a lane by an inspector with the
-- checklist of the vehicle's category, each control point OK or a defect graded minor, major or critical, the
-- outcome computed from the grades, counter-visits that check only the failed points, report numbers without
-- gaps per centre and year, the public verification code of each completed inspection, and the registration and
-- identity documents uploaded by the centre, sealed (AES-GCM) and deleted after the centre's retention period.

-- Per-business inspection settings (a missing row means the defaults).
create table inspection_settings (
    tenant_id               uuid         primary key references tenants (id),
    document_retention_days integer      not null default 90,   -- uploaded documents are deleted after this
    reminder_days_before    integer      not null default 30,   -- the motorist's reminder before the due date
    created_at              timestamptz  not null,
    created_by              uuid         not null,
    updated_at              timestamptz  not null,
    updated_by              uuid         not null,
    version                 bigint       not null default 0,
    constraint inspection_settings_retention_ck check (document_retention_days between 1 and 3650),
    constraint inspection_settings_reminder_ck check (reminder_days_before between 1 and 180)
);

-- A vehicle presented at the centre. The plate is kept in its official spelling (SIV AB-123-CD or FNI 1234 AB 56);
-- the owner is who the registration document names (C.1), with the contact the centre keeps for its documents.
create table vehicles (
    id                  uuid          primary key,
    tenant_id           uuid          not null references tenants (id),
    plate               varchar(16)   not null,
    vin                 varchar(17),
    brand               varchar(60),
    model               varchar(80),
    category            varchar(8)    not null,                 -- M1, N1, L...
    fuel                varchar(20),                            -- ES (petrol), GO (diesel), EL, EH, GP...
    first_registered_on date,
    owner_name          varchar(160),
    owner_email         varchar(254),
    owner_phone         varchar(40),
    created_at          timestamptz   not null,
    created_by          uuid          not null,
    updated_at          timestamptz   not null,
    updated_by          uuid          not null,
    deleted_at          timestamptz,
    deleted_by          uuid,
    version             bigint        not null default 0
);
create unique index vehicles_plate_uq on vehicles (tenant_id, plate) where deleted_at is null;
create index vehicles_vin_idx on vehicles (tenant_id, vin) where deleted_at is null;
create index vehicles_owner_email_idx on vehicles (tenant_id, lower(owner_email)) where deleted_at is null;

-- Who inspects on which lane on a given day (lanes and inspectors are the bookings module's resources).
create table inspection_lane_assignments (
    tenant_id     uuid         not null references tenants (id),
    day           date         not null,
    lane_id       uuid         not null,
    inspector_id  uuid         not null,
    created_at    timestamptz  not null,
    created_by    uuid         not null,
    primary key (tenant_id, day, lane_id)
);

-- An inspection: periodic (the whole checklist) or a counter-visit of an earlier one (its failed points only).
-- IN_PROGRESS while points are checked; COMPLETED with its outcome, its report number and its verification code;
-- CANCELLED when abandoned (the number is only given at completion, so a cancellation leaves no gap).
create table inspections (
    id                   uuid          primary key,
    tenant_id            uuid          not null references tenants (id),
    vehicle_id           uuid          not null references vehicles (id),
    appointment_id       uuid,
    kind                 varchar(20)   not null,
    counter_visit_of     uuid          references inspections (id),
    status               varchar(20)   not null,
    lane_id              uuid,
    lane_name            varchar(120),
    inspector_id         uuid,
    inspector_name       varchar(120),
    category             varchar(8)    not null,                -- the vehicle's category when inspected
    odometer_km          integer,
    started_at           timestamptz   not null,
    completed_at         timestamptz,
    outcome              varchar(20),
    counter_visit_before date,                                  -- outcome COUNTER_VISIT / UNFAVOURABLE
    valid_until          date,                                  -- outcome FAVOURABLE: the next due date
    report_number        varchar(24),
    verification_code    varchar(32),
    created_at           timestamptz   not null,
    created_by           uuid          not null,
    updated_at           timestamptz   not null,
    updated_by           uuid          not null,
    version              bigint        not null default 0,
    constraint inspections_kind_ck check (kind in ('PERIODIC', 'COUNTER_VISIT')),
    constraint inspections_status_ck check (status in ('IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    constraint inspections_outcome_ck check (outcome is null or outcome in ('FAVOURABLE', 'COUNTER_VISIT', 'UNFAVOURABLE')),
    constraint inspections_completed_ck check (status <> 'COMPLETED'
        or (outcome is not null and completed_at is not null and report_number is not null and verification_code is not null)),
    constraint inspections_odometer_ck check (odometer_km is null or odometer_km between 0 and 9999999)
);
create index inspections_vehicle_idx on inspections (tenant_id, vehicle_id, started_at desc);
create index inspections_day_idx on inspections (tenant_id, started_at desc);
create unique index inspections_appointment_uq on inspections (tenant_id, appointment_id)
    where appointment_id is not null and status <> 'CANCELLED';
create unique index inspections_report_number_uq on inspections (tenant_id, report_number) where report_number is not null;
create unique index inspections_verification_uq on inspections (tenant_id, verification_code) where verification_code is not null;

-- The control points of an inspection, copied from the checklist of the vehicle's category when it starts (so
-- a report reads the same after the checklist changes). grade null: not checked yet.
create table inspection_points (
    tenant_id      uuid          not null references tenants (id),
    inspection_id  uuid          not null references inspections (id),
    code           varchar(16)   not null,
    function_code  varchar(24)   not null,
    position       integer       not null,
    grade          varchar(10),
    comment        varchar(1000),
    photo_id       uuid,
    checked_at     timestamptz,
    checked_by     uuid,
    primary key (inspection_id, code),
    constraint inspection_points_grade_ck check (grade is null or grade in ('OK', 'MINOR', 'MAJOR', 'CRITICAL'))
);
create index inspection_points_tenant_idx on inspection_points (tenant_id, inspection_id);

-- Photos of defects (JPEG/PNG, at most a few MB each), kept with the inspection for its report.
create table inspection_photos (
    id             uuid          primary key,
    tenant_id      uuid          not null references tenants (id),
    inspection_id  uuid          not null references inspections (id),
    content_type   varchar(40)   not null,
    bytes          bytea         not null,
    created_at     timestamptz   not null,
    created_by     uuid          not null
);
create index inspection_photos_inspection_idx on inspection_photos (tenant_id, inspection_id);

-- Report numbers without gaps: one locked counter row per business and year.
create table inspection_counters (
    tenant_id   uuid     not null references tenants (id),
    year        integer  not null,
    last_value  integer  not null,
    primary key (tenant_id, year)
);

-- Registration and identity documents uploaded for a vehicle, sealed with the deployment's key (key_id names it;
-- the bytes are AES-GCM over the base64 of the file) and deleted at delete_after.
create table vehicle_documents (
    id            uuid          primary key,
    tenant_id     uuid          not null references tenants (id),
    vehicle_id    uuid          not null references vehicles (id),
    kind          varchar(20)   not null,
    file_name     varchar(200),
    content_type  varchar(80)   not null,
    key_id        varchar(40)   not null,
    sealed        bytea         not null,
    delete_after  timestamptz   not null,
    created_at    timestamptz   not null,
    created_by    uuid          not null,
    constraint vehicle_documents_kind_ck check (kind in ('REGISTRATION', 'IDENTITY'))
);
create index vehicle_documents_vehicle_idx on vehicle_documents (tenant_id, vehicle_id);
create index vehicle_documents_expiry_idx on vehicle_documents (delete_after);

create trigger inspection_settings_actor before insert or update on inspection_settings
    for each row execute function comptoir_fill_created_and_updated_by();
create trigger vehicles_actor before insert or update on vehicles
    for each row execute function comptoir_fill_created_and_updated_by();
create trigger inspection_lane_assignments_actor before insert or update on inspection_lane_assignments
    for each row execute function comptoir_fill_created_by();
create trigger inspections_actor before insert or update on inspections
    for each row execute function comptoir_fill_created_and_updated_by();
create trigger inspection_photos_actor before insert or update on inspection_photos
    for each row execute function comptoir_fill_created_by();
create trigger vehicle_documents_actor before insert or update on vehicle_documents
    for each row execute function comptoir_fill_created_by();

alter table inspection_settings enable row level security;
alter table inspection_settings force row level security;
create policy tenant_isolation on inspection_settings
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table vehicles enable row level security;
alter table vehicles force row level security;
create policy tenant_isolation on vehicles
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table inspection_lane_assignments enable row level security;
alter table inspection_lane_assignments force row level security;
create policy tenant_isolation on inspection_lane_assignments
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table inspections enable row level security;
alter table inspections force row level security;
create policy tenant_isolation on inspections
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table inspection_points enable row level security;
alter table inspection_points force row level security;
create policy tenant_isolation on inspection_points
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table inspection_photos enable row level security;
alter table inspection_photos force row level security;
create policy tenant_isolation on inspection_photos
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table inspection_counters enable row level security;
alter table inspection_counters force row level security;
create policy tenant_isolation on inspection_counters
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
alter table vehicle_documents enable row level security;
alter table vehicle_documents force row level security;
create policy tenant_isolation on vehicle_documents
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

-- Managers check vehicles in, run checklists and complete inspections by default; a business that changed its
-- role matrix gets the new permission for its managers too.
update tenants set role_permissions = array_append(role_permissions, 'MANAGER:INSPECTIONS_WRITE')
    where role_permissions is not null and not ('MANAGER:INSPECTIONS_WRITE' = any (role_permissions));
