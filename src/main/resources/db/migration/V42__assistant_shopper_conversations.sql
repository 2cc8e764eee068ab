-- Assistant (issue #17), the storefront's chat: a conversation belongs to a staff user or to a shopper of the
-- business's shop. owner_kind says which; user_id holds the staff user's id or the shopper's id; owner_label is the
-- shopper's name and e-mail as they were when the conversation started (staff names come from the users).
alter table assistant_conversations
    add column owner_kind  varchar(10)  not null default 'staff',
    add column owner_label varchar(200),
    add constraint assistant_conversations_owner_ck check (owner_kind in ('staff', 'shopper'));

create index assistant_conversations_owner_idx
    on assistant_conversations (tenant_id, owner_kind, user_id, updated_at desc);
