-- The notification centre behind the bell: one row per notice the in-app channel took for a user. The id is
-- derived from the event and the recipient, so a replayed event finds its row and adds nothing.
create table notifications (
    id          uuid          primary key,
    tenant_id   uuid          not null,
    user_id     uuid          not null,
    type        varchar(60)   not null,
    title       varchar(300)  not null,
    body        text,
    link        varchar(500),
    created_at  timestamptz   not null,
    read_at     timestamptz
);

-- The list: a user's notices, newest first; the bell: a user's unread count.
create index notifications_user_idx on notifications (tenant_id, user_id, created_at desc);
create index notifications_unread_idx on notifications (tenant_id, user_id) where read_at is null;

alter table notifications enable row level security;
alter table notifications force row level security;
create policy tenant_isolation on notifications
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());

-- A user's notification preferences: only the changes from the defaults of their roles are stored
-- (notifications.domain.NotificationDefaults), so a better default reaches everyone who kept it.
create table notification_preferences (
    tenant_id   uuid          not null,
    user_id     uuid          not null,
    type        varchar(60)   not null,
    channel     varchar(20)   not null,
    enabled     boolean       not null,
    primary key (tenant_id, user_id, type, channel),
    constraint notification_preferences_channel_ck check (channel in ('IN_APP', 'EMAIL', 'PUSH'))
);

alter table notification_preferences enable row level security;
alter table notification_preferences force row level security;
create policy tenant_isolation on notification_preferences
    using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id());
