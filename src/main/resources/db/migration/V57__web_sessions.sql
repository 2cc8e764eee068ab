-- Spring Session JDBC: the staff web sessions (/app) live in the database rather than in one node's memory, so a
-- browser signed in on one node is signed in on every node, and signing out on one ends it on all. Not owned by a
-- business (a session belongs to a browser; the signed-in user and business are inside its security context), so no
-- tenant_id and no row-level security. Spring Session's PostgreSQL schema, except principal_name: text, since the
-- name Spring Session derives from our principal can be longer than its 100 characters.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        text,
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);
