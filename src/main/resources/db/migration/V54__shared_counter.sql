-- Throttles and rate caps shared by every node (issue #22): the staff API's limits per business and per user, the
-- storefront's checkouts and the assistant's visitor questions per client address. Before, each node counted in
-- its memory, so n nodes allowed n times every cap. Not tenant-owned (no RLS), like login_throttle: the counters
-- are consulted before any tenant transaction, their keys are ids and client addresses, and they hold no secret.
create table shared_counter (
    key       text        primary key,  -- 'api:b:<tenant>', 'api:u:<user>', 'checkout:<address>', ...
    hits      bigint      not null,     -- hits in the current window
    resets_at timestamptz not null      -- when the current window ends (after it, the row means nothing)
);
create index shared_counter_resets_idx on shared_counter (resets_at);
