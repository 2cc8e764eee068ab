-- Payments (issue #19): the businesses that take payments online, for the job that reads back from the provider the
-- online payments still pending after their checkout expired (a webhook that never came). Not tenant data: no
-- row-level security, like purchasing_tenants. Filled by a trigger, so that whoever stores an online payment needs
-- not know about the job.
create table payment_online_tenants (
    tenant_id uuid primary key references tenants (id)
);

create function payments_note_online_tenant() returns trigger language plpgsql as $$
begin
    if new.provider <> 'on-site' then
        insert into payment_online_tenants (tenant_id) values (new.tenant_id) on conflict do nothing;
    end if;
    return new;
end $$;

create trigger payments_online_tenant after insert on payments
    for each row execute function payments_note_online_tenant();

alter table payments no force row level security;
insert into payment_online_tenants (tenant_id)
    select distinct tenant_id from payments where provider <> 'on-site'
    on conflict do nothing;
alter table payments force row level security;
