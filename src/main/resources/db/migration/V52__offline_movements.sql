-- Stock work recorded offline (the shop floor, issue #21) reaches the server later: a movement keeps the time it
-- happened (occurred_at, given by the device) and now also the time the server received it (recorded_at; null on
-- older rows, where it was the same). Adding a nullable column without a default rewrites nothing.
alter table stock_movements add column recorded_at timestamptz;

-- A physical count that finds the quantity expected is recorded too (an ADJUSTMENT of 0): the journal shows the
-- count, and the same count delivered again (a device retrying after a lost answer) finds it and changes nothing.
-- Added NOT VALID then validated: no long lock on the ledger.
alter table stock_movements drop constraint stock_movements_quantity_ck;
alter table stock_movements add constraint stock_movements_quantity_ck
    check (quantity <> 0 or type = 'ADJUSTMENT') not valid;
alter table stock_movements validate constraint stock_movements_quantity_ck;
