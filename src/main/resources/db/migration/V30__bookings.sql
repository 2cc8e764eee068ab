-- Bookings (issue #19): the services a business offers by appointment, the resources that perform them
-- (inspectors, lanes) with their weekly opening hours and closures, the business's booking settings, and the
-- appointments with their timeline.
--
-- Times: opening hours are local wall-clock times of the business's time zone (a weekday's several intervals are
-- its opening times, the gaps between them its breaks); closures are local dates; appointments are instants
-- (timestamptz), computed from local times by the application, which knows the zone and its DST rules.
--
-- No double booking: the application locks the resource's row (select ... for update) before it counts the
-- appointments that overlap a new one, so two bookings of one resource are decided one after the other. An
-- appointment occupies its resource from blocked_from (start less the service's buffer before) to blocked_until
-- (end plus the buffer after); a resource of capacity n takes n at once.

-- Per-business booking settings (a missing row means the defaults).
create table booking_settings (
    tenant_id           uuid         primary key references tenants (id),
    slot_step_minutes   integer      not null default 15,   -- slots start every step from each opening time
    cutoff_hours        integer      not null default 24,   -- the customer cancels or reschedules until start - cutoff
    horizon_days        integer      not null default 60,   -- how far ahead one may book
    min_notice_minutes  integer      not null default 60,   -- how soon one may book (from now)
    hold_minutes        integer      not null default 15,   -- how long a slot is held while the customer pays online
    contact_phone       varchar(40),                        -- shown to customers past the cut-off
    public_note         varchar(1000),                      -- shown on the booking page (address, what to bring)
    created_at          timestamptz  not null,
    created_by          uuid         not null,
    updated_at          timestamptz  not null,
    updated_by          uuid         not null,
    version             bigint       not null default 0,
    constraint booking_settings_step_ck check (slot_step_minutes between 5 and 240),
    constraint booking_settings_cutoff_ck check (cutoff_hours between 0 and 720),
    constraint booking_settings_horizon_ck check (horizon_days between 1 and 730),
    constraint booking_settings_notice_ck check (min_notice_minutes between 0 and 10080),
    constraint booking_settings_hold_ck check (hold_minutes between 5 and 120)
);

-- What can be booked: a service of a duration and a price, with the time its resource needs before and after
-- (preparation, cleaning), for some vehicle categories (M1, N1, L... for an inspection centre; empty: any).
create table booking_services (
    id                    uuid          primary key,
    tenant_id             uuid          not null references tenants (id),
    name                  varchar(120)  not null,
    description           varchar(1000),
    duration_minutes      integer       not null,
    price                 numeric(14,2) not null default 0,
    buffer_before_minutes integer       not null default 0,
    buffer_after_minutes  integer       not null default 0,
    vehicle_categories    text[]        not null default '{}',
    active                boolean       not null default true,
    created_at            timestamptz   not null,
    created_by            uuid          not null,
    updated_at            timestamptz   not null,
    updated_by            uuid          not null,
    deleted_at            timestamptz,
    deleted_by            uuid,
    version               bigint        not null default 0,
    constraint booking_services_duration_ck check (duration_minutes between 5 and 1440),
    constraint booking_services_price_ck check (price >= 0),
    constraint booking_services_buffers_ck check (buffer_before_minutes between 0 and 240
        and buffer_after_minutes between 0 and 240)
);
create index booking_services_tenant_idx on booking_services (tenant_id, lower(name)) where deleted_at is null;

-- Who or what performs services: an inspector, a lane, a room; capacity is how many appointments it takes at once.
create table booking_resources (
    id          uuid          primary key,
    tenant_id   uuid          not null references tenants (id),
    name        varchar(120)  not null,
    kind        varchar(20)   not null,
    capacity    integer       not null default 1,
    active      boolean       not null default true,
    created_at  timestamptz   not null,
    created_by  uuid          not null,
    updated_at  timestamptz   not null,
    updated_by  uuid          not null,
    deleted_at  timestamptz,
    deleted_by  uuid,
    version     bigint        not null default 0,
    constraint booking_resources_kind_ck check (kind in ('INSPECTOR', 'LANE', 'OTHER')),
    constraint booking_resources_capacity_ck check (capacity between 1 and 100)
);
create index booking_resources_tenant_idx on booking_resources (tenant_id, lower(name)) where deleted_at is null;

-- Which resource performs which service.
create table booking_resource_services (
    tenant_id   uuid         not null references tenants (id),
    resource_id uuid         not null references booking_resources (id),
    service_id  uuid         not null references booking_services (id),
    created_at  timestamptz  not null,
    created_by  uuid         not null,
    primary key (resource_id, service_id)
);
create index booking_resource_services_service_idx on booking_resource_services (tenant_id, service_id);

-- The weekly opening hours of a resource: several intervals per weekday (ISO: 1 = Monday), local times.
create table booking_opening_hours (
    id          uuid         primary key,
    tenant_id   uuid         not null references tenants (id),
    resource_id uuid         not null references booking_resources (id),
    weekday     integer      not null,
    opens_at    time         not null,
    closes_at   time         not null,
    created_at  timestamptz  not null,
    created_by  uuid         not null,
    constraint booking_opening_hours_weekday_ck check (weekday between 1 and 7),
    constraint booking_opening_hours_order_ck check (opens_at < closes_at)
);
create index booking_opening_hours_resource_idx on booking_opening_hours (tenant_id, resource_id, weekday, opens_at);

-- Closures and holidays: the whole business (resource_id null) or one resource, from one local date to another
-- (both included), with a label ("Noël", "Formation").
create table booking_closures (
    id          uuid         primary key,
    tenant_id   uuid         not null references tenants (id),
    resource_id uuid         references booking_resources (id),
    starts_on   date         not null,
    ends_on     date         not null,
    label       varchar(120) not null,
    created_at  timestamptz  not null,
    created_by  uuid         not null,
    updated_at  timestamptz  not null,
    updated_by  uuid         not null,
    constraint booking_closures_order_ck check (starts_on <= ends_on)
);
create index booking_closures_tenant_idx on booking_closures (tenant_id, ends_on);

-- Appointments. Names and the price are copies taken at booking, so the calendar reads without the set-up tables
-- and keeps what was agreed. A HELD appointment (online payment under way) occupies its slot until hold_expires_at.
create table appointments (
    id               uuid          primary key,
    tenant_id        uuid          not null references tenants (id),
    reference        varchar(20)   not null,
    service_id       uuid          not null references booking_services (id),
    resource_id      uuid          not null references booking_resources (id),
    service_name     varchar(120)  not null,
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null,
    blocked_from     timestamptz   not null,
    blocked_until    timestamptz   not null,
    status           varchar(20)   not null,
    customer_name    varchar(120)  not null,
    customer_phone   varchar(40)   not null,
    customer_email   varchar(254),
    vehicle_plate    varchar(20),
    vehicle_category varchar(10),
    payment_choice   varchar(20)   not null,
    price            numeric(14,2) not null,
    currency         varchar(3)    not null,
    hold_expires_at  timestamptz,
    source           varchar(20)   not null,
    locale           varchar(10)   not null default 'fr',
    note             varchar(1000),
    cancel_reason    varchar(300),
    reminder_sent_at timestamptz,
    request_hash     varchar(64),   -- the booking request's hash, when its id came from an Idempotency-Key
    created_at       timestamptz   not null,
    created_by       uuid          not null,
    updated_at       timestamptz   not null,
    updated_by       uuid          not null,
    version          bigint        not null default 0,
    constraint appointments_status_ck check (status in ('HELD', 'CONFIRMED', 'CANCELLED', 'NO_SHOW', 'COMPLETED', 'EXPIRED')),
    constraint appointments_payment_ck check (payment_choice in ('ON_SITE', 'ONLINE')),
    constraint appointments_source_ck check (source in ('PUBLIC', 'STAFF', 'WALK_IN')),
    constraint appointments_times_ck check (starts_at < ends_at and blocked_from <= starts_at and ends_at <= blocked_until),
    constraint appointments_hold_ck check (status <> 'HELD' or hold_expires_at is not null),
    constraint appointments_price_ck check (price >= 0)
);
create unique index appointments_reference_uq on appointments (tenant_id, reference);
-- The overlap check and the calendar: a resource's appointments by time.
create index appointments_resource_time_idx on appointments (tenant_id, resource_id, blocked_from, blocked_until);
create index appointments_tenant_time_idx on appointments (tenant_id, starts_at);
create index appointments_held_idx on appointments (hold_expires_at) where status = 'HELD';
create index appointments_reminder_idx on appointments (tenant_id, starts_at)
    where status = 'CONFIRMED' and reminder_sent_at is null;

-- The links given to the customer to see, move or cancel an appointment (at booking, in the reminder): only the
-- SHA-256 of each 256-bit random token is kept.
create table appointment_links (
    token_hash     varchar(64)  primary key,
    tenant_id      uuid         not null references tenants (id),
    appointment_id uuid         not null references appointments (id),
    created_at     timestamptz  not null,
    created_by     uuid         not null
);
create index appointment_links_appointment_idx on appointment_links (tenant_id, appointment_id);

-- The timeline of an appointment: each change (booked, held, confirmed, moved, cancelled...), by whom and when.
create table appointment_history (
    id             uuid         primary key,
    tenant_id      uuid         not null references tenants (id),
    appointment_id uuid         not null references appointments (id),
    status         varchar(20)  not null,
    action         varchar(30)  not null,
    note           varchar(300),
    at             timestamptz  not null,
    by_user        uuid,
    by_customer    boolean      not null default false
);
create index appointment_history_appointment_idx on appointment_history (tenant_id, appointment_id, at);

-- The last appointment reference given per business and year (RDV-2026-000001).
create table booking_counters (
    tenant_id  uuid    not null references tenants (id),
    year       integer not null,
    last_value bigint  not null,
    primary key (tenant_id, year)
);

-- Businesses that have appointments, for the jobs that visit every booking business (hold expiry, reminders).
-- Not tenant data: no row-level security, like purchasing_tenants. Filled by a trigger.
create table booking_tenants (
    tenant_id uuid primary key references tenants (id)
);

create function booking_note_tenant() returns trigger language plpgsql as $$
begin
    insert into booking_tenants (tenant_id) values (new.tenant_id) on conflict do nothing;
    return new;
end $$;

create trigger appointments_tenant after insert on appointments
    for each row execute function booking_note_tenant();

-- Who fills created_by / updated_by when no user wrote the row (the system actor, or the public booking page).
create trigger booking_settings_actor before insert or update on booking_settings for each row execute function comptoir_fill_created_by();
create trigger booking_settings_updater before insert or update on booking_settings for each row execute function comptoir_fill_updated_by();
create trigger booking_services_actor before insert or update on booking_services for each row execute function comptoir_fill_created_by();
create trigger booking_services_updater before insert or update on booking_services for each row execute function comptoir_fill_updated_by();
create trigger booking_resources_actor before insert or update on booking_resources for each row execute function comptoir_fill_created_by();
create trigger booking_resources_updater before insert or update on booking_resources for each row execute function comptoir_fill_updated_by();
create trigger booking_resource_services_actor before insert or update on booking_resource_services for each row execute function comptoir_fill_created_by();
create trigger booking_opening_hours_actor before insert or update on booking_opening_hours for each row execute function comptoir_fill_created_by();
create trigger booking_closures_actor before insert or update on booking_closures for each row execute function comptoir_fill_created_by();
create trigger booking_closures_updater before insert or update on booking_closures for each row execute function comptoir_fill_updated_by();
create trigger appointments_actor before insert or update on appointments for each row execute function comptoir_fill_created_by();
create trigger appointments_updater before insert or update on appointments for each row execute function comptoir_fill_updated_by();
create trigger appointment_links_actor before insert or update on appointment_links for each row execute function comptoir_fill_created_by();

-- Row-level security: each business sees only its own rows.
alter table booking_settings enable row level security;
alter table booking_settings force row level security;
create policy tenant_isolation on booking_settings
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table booking_services enable row level security;
alter table booking_services force row level security;
create policy tenant_isolation on booking_services
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table booking_resources enable row level security;
alter table booking_resources force row level security;
create policy tenant_isolation on booking_resources
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table booking_resource_services enable row level security;
alter table booking_resource_services force row level security;
create policy tenant_isolation on booking_resource_services
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table booking_opening_hours enable row level security;
alter table booking_opening_hours force row level security;
create policy tenant_isolation on booking_opening_hours
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table booking_closures enable row level security;
alter table booking_closures force row level security;
create policy tenant_isolation on booking_closures
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table appointments enable row level security;
alter table appointments force row level security;
create policy tenant_isolation on appointments
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table appointment_links enable row level security;
alter table appointment_links force row level security;
create policy tenant_isolation on appointment_links
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table appointment_history enable row level security;
alter table appointment_history force row level security;
create policy tenant_isolation on appointment_history
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table booking_counters enable row level security;
alter table booking_counters force row level security;
create policy tenant_isolation on booking_counters
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
