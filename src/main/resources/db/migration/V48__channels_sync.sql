-- Channels (issue #18): the businesses that have a marketplace account, for the job that checks their published
-- listings on the marketplace now and then (sold or hidden there). Not tenant data: no row-level security, like
-- purchasing_tenants. Filled by a trigger, so that whoever connects an account needs not know about the job.
create table channel_tenants (
    tenant_id uuid primary key references tenants (id)
);

create function channels_note_tenant() returns trigger language plpgsql as $$
begin
    insert into channel_tenants (tenant_id) values (new.tenant_id) on conflict do nothing;
    return new;
end $$;

create trigger channel_accounts_tenant after insert on channel_accounts
    for each row execute function channels_note_tenant();

alter table channel_accounts no force row level security;
insert into channel_tenants (tenant_id)
    select distinct tenant_id from channel_accounts
    on conflict do nothing;
alter table channel_accounts force row level security;

-- The last check of each listing, for choosing the listings checked longest ago.
create index channel_jobs_sync_ix on channel_jobs (tenant_id, listing_id, finished_at) where kind = 'SYNC';
