-- Issue #12, items 6 and 9.

-- Client-chosen movement and reservation ids are unique per business, not across all of them: the same id
-- in two businesses works for both, and reusing one reveals nothing about another business.
alter table stock_reservation_lines drop constraint stock_reservation_lines_reservation_id_fkey;
alter table stock_reservations drop constraint stock_reservations_pkey;
alter table stock_reservations add constraint stock_reservations_pkey primary key (tenant_id, id);
alter table stock_reservation_lines add constraint stock_reservation_lines_reservation_fk
    foreign key (tenant_id, reservation_id) references stock_reservations (tenant_id, id);
alter table stock_movements drop constraint stock_movements_pkey;
alter table stock_movements add constraint stock_movements_pkey primary key (tenant_id, id);

-- The hash of the request (method, path, canonical body) that created the row under an Idempotency-Key or a
-- client id: a retry with another body is refused instead of answered with the first result. Null for rows
-- recorded before (and for those no HTTP request created), which any retry matches.
alter table stock_movements add column request_hash varchar(64);
alter table stock_reservations add column request_hash varchar(64);
alter table sales_orders add column idempotency_hash varchar(64);
