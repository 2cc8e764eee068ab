create index concurrently if not exists parcels_by_tenant on parcels (tenant_id);
