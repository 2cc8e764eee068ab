-- Login throttle state shared by every node (issue #12): before, each node kept its buckets in memory,
-- so N nodes allowed N times the limits. Not tenant-owned (no RLS), like login_directory: the throttle
-- is consulted before the tenant is known (a login names only an e-mail, which may not even exist),
-- and its keys are e-mails and client addresses, not a business's data. It holds no secret.
create table login_throttle (
    -- 'address:<ip>' (attempts per client address), 'pair:<e-mail> <ip>' (failures of one address for
    -- one account), 'account:<e-mail>' (failures for one account from every address)
    key           text        primary key,
    failures      int         not null default 0,  -- pair: failures in a row
    blocked_until timestamptz,                     -- pair: no attempt before this instant
    tat           timestamptz,                     -- address, account: the rate limit's theoretical arrival time
    expires_at    timestamptz not null             -- after this the row means nothing (deleted by a job)
);
create index login_throttle_expires_idx on login_throttle (expires_at);
