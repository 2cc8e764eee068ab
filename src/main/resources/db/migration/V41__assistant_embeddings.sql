-- Assistant (issue #17), semantic search: one embedding per product and business, computed by the all-MiniLM-L6-v2
-- model shipped inside the application (384 dimensions, unit length), from the product's name, brand, category,
-- tags, options and description. text_hash is the SHA-256 of that text and the model's name: a product whose text
-- did not change is not embedded again. Derived data (recomputed from the catalog at will), hence no author columns.
-- Stored as real[] so that it works without any extension; a database with pgvector casts it (embedding::vector).
create table assistant_embeddings (
    tenant_id   uuid         not null references tenants (id),
    product_id  uuid         not null,
    text_hash   varchar(64)  not null,
    embedding   real[]       not null,
    updated_at  timestamptz  not null,
    primary key (tenant_id, product_id),
    constraint assistant_embeddings_dimension_ck check (array_length(embedding, 1) = 384)
);

alter table assistant_embeddings enable row level security;
alter table assistant_embeddings force row level security;
create policy tenant_isolation on assistant_embeddings
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
