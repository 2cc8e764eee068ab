create table parcels (id bigint primary key, tenant_id uuid not null, weight numeric(10, 3));
insert into parcels select n, gen_random_uuid(), n / 10.0 from generate_series(1, 5000) n;
