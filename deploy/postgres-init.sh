#!/bin/sh
# Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d): the application's role owns
# the database but is neither a superuser nor BYPASSRLS, so PostgreSQL's row-level security isolates the businesses.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v password="$COMPTOIR_DB_PASSWORD" <<'SQL'
create role comptoir login password :'password' nosuperuser nobypassrls;
alter database comptoir owner to comptoir;
alter schema public owner to comptoir;
SQL
