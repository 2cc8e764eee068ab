-- Assistant (issue #17), chat agent: each user's conversations with the agent, their messages (the user's, the
-- agent's answers, and every tool the model asked for with what the server answered), the tokens and cost each
-- conversation used against its budget, and the order the agent proposed and the user has not yet confirmed.

-- One conversation of one staff user (user_id). pending_order: the order the place_order tool prepared (customer,
-- address, lines, totals, as JSON); it is placed only when the user's next message is an explicit confirmation,
-- and cleared by any other message.
create table assistant_conversations (
    tenant_id      uuid          not null references tenants (id),
    id             uuid          not null,
    user_id        uuid          not null,
    title          varchar(120)  not null,
    tokens_in      bigint        not null default 0,
    tokens_out     bigint        not null default 0,
    cost           numeric(16,6) not null default 0,
    token_budget   integer       not null,
    pending_order  jsonb,
    created_at     timestamptz   not null,
    created_by     uuid          not null,
    updated_at     timestamptz   not null,
    updated_by     uuid          not null,
    version        bigint        not null default 0,
    primary key (tenant_id, id)
);
create index assistant_conversations_user_idx on assistant_conversations (tenant_id, user_id, updated_at desc);

-- The messages of a conversation in order (seq): role user | assistant | tool. A tool row names the tool, its
-- arguments as the model sent them, and the outcome (done | refused | failed); document_* name the quote or order
-- it created.
create table assistant_messages (
    tenant_id         uuid          not null references tenants (id),
    conversation_id   uuid          not null,
    seq               integer       not null,
    role              varchar(10)   not null,
    content           text          not null,
    tool_name         varchar(40),
    tool_arguments    text,
    tool_outcome      varchar(10),
    document_kind     varchar(10),
    document_id       uuid,
    document_number   varchar(40),
    tokens_in         integer       not null default 0,
    tokens_out        integer       not null default 0,
    created_at        timestamptz   not null,
    primary key (tenant_id, conversation_id, seq),
    foreign key (tenant_id, conversation_id) references assistant_conversations (tenant_id, id),
    constraint assistant_messages_role_ck check (role in ('user', 'assistant', 'tool')),
    constraint assistant_messages_outcome_ck check (tool_outcome in ('done', 'refused', 'failed')),
    constraint assistant_messages_document_ck check (document_kind in ('quote', 'order'))
);
create index assistant_messages_documents_idx on assistant_messages (tenant_id, document_kind)
    where document_id is not null;

create trigger assistant_conversations_actor before insert or update on assistant_conversations
    for each row execute function comptoir_fill_created_by();
create trigger assistant_conversations_updater before insert or update on assistant_conversations
    for each row execute function comptoir_fill_updated_by();

alter table assistant_conversations enable row level security;
alter table assistant_conversations force row level security;
create policy tenant_isolation on assistant_conversations
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

alter table assistant_messages enable row level security;
alter table assistant_messages force row level security;
create policy tenant_isolation on assistant_messages
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
