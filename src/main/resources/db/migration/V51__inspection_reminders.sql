-- The motorist's reminder before a vehicle's next due date (issue #20): the due date a vehicle was last reminded
-- for (a new inspection moves the due date, so the next one is reminded again), and the businesses that have
-- vehicles, for the daily reminder job (not tenant data: no row-level security, like booking_tenants; filled by a
-- trigger; V50 came in the same release, so no vehicle predates it).
alter table vehicles add column reminded_for date;

create table inspection_tenants (
    tenant_id  uuid  primary key references tenants (id)
);

create function inspection_note_tenant() returns trigger language plpgsql as $$
begin
    insert into inspection_tenants (tenant_id) values (new.tenant_id) on conflict do nothing;
    return new;
end $$;
create trigger vehicles_tenant_listed after insert on vehicles
    for each row execute function inspection_note_tenant();
