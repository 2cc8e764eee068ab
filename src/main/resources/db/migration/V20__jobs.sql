-- Background jobs of the users (imports, exports): what runs, how far it has come, and how it ended.
-- The work itself runs on the node that started it; this row is what a page reload or another node reads.
create table jobs (
    id          uuid         primary key,
    tenant_id   uuid         not null,
    kind        varchar(60)  not null,
    status      varchar(20)  not null,
    done        integer      not null default 0,
    total       integer,
    result      text,
    error       text,
    file_name   varchar(200),
    created_by  uuid         not null,  -- the user who started it (the system actor for the system's own)
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    finished_at timestamptz,
    constraint jobs_status_ck check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    constraint jobs_progress_ck check (done >= 0 and (total is null or total >= 0))
);

create trigger jobs_actor before insert or update on jobs for each row execute function comptoir_fill_created_by();

create index jobs_tenant_kind_idx on jobs (tenant_id, kind, created_at desc);

alter table jobs enable row level security;
alter table jobs force row level security;
create policy tenant_isolation on jobs
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
