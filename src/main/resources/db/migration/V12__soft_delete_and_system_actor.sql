-- Issue #12, item 15: deleted categories and draft orders can be restored, and every business row says who
-- wrote it.

-- 1. Soft delete. A deleted category or draft order keeps its row (marked deleted, by whom and when) so that
--    it can be restored; the application hides such rows from lists, lookups and search. Order numbers are
--    never reused: the row keeps its number.
alter table categories add column deleted_at timestamptz, add column deleted_by uuid;
alter table sales_orders add column deleted_at timestamptz, add column deleted_by uuid;

-- A deleted category no longer holds its name at its level (a new one may take it; restoring the old one
-- is then refused with a 409 until one of them is renamed).
drop index categories_tenant_sibling_name_uq;
create unique index categories_tenant_sibling_name_uq
    on categories (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))
    where deleted_at is null;

-- 2. The system actor: a well-known id, the same in every deployment, named "Comptoir (système)". It is the
--    author of whatever no person wrote: scheduled jobs, imports run without a session, demo data, reactions
--    to events. It is not a user (no account, no login): readers show its name (app.comptoir.platform.SystemActor).
create function comptoir_system_actor() returns uuid
    language sql immutable parallel safe
as $$ select '00000000-0000-4000-8000-00000000c0de'::uuid $$;

-- Filled in by the database when a writer leaves them empty, so that no writer (present or future) can
-- store a business row without an author; the columns are then declared not null.
create function comptoir_fill_created_and_updated_by() returns trigger language plpgsql as $$
begin
    new.created_by := coalesce(new.created_by, comptoir_system_actor());
    new.updated_by := coalesce(new.updated_by, comptoir_system_actor());
    return new;
end $$;

create function comptoir_fill_created_by() returns trigger language plpgsql as $$
begin
    new.created_by := coalesce(new.created_by, comptoir_system_actor());
    return new;
end $$;

create function comptoir_fill_actor_id() returns trigger language plpgsql as $$
begin
    new.actor_id := coalesce(new.actor_id, comptoir_system_actor());
    return new;
end $$;

-- Every table of the schema with a created_by column (so a table added before this migration cannot be
-- forgotten): backfill, the trigger, then not null. Today: tenants, users, categories, products, variants,
-- product_images, stock_locations, stock_thresholds, stock_alert_rules, sales_customers, sales_addresses,
-- sales_quotes, sales_orders (created_by and updated_by) and sales_returns (created_by only).
do $$
declare
    t record;
    has_updated boolean;
    forced boolean;
begin
    for t in select c.table_name from information_schema.columns c
              join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
             where c.table_schema = current_schema() and c.column_name = 'created_by' and tb.table_type = 'BASE TABLE'
             order by c.table_name
    loop
        has_updated := exists (select 1 from information_schema.columns where table_schema = current_schema()
                                 and table_name = t.table_name and column_name = 'updated_by');
        -- No tenant is set while migrating: row-level security is lifted for the owner during the backfill only.
        select relforcerowsecurity into forced from pg_class
         where oid = (quote_ident(current_schema()) || '.' || quote_ident(t.table_name))::regclass;
        if forced then
            execute format('alter table %I no force row level security', t.table_name);
        end if;
        if has_updated then
            execute format('update %I set created_by = coalesce(created_by, comptoir_system_actor()),'
                           ' updated_by = coalesce(updated_by, comptoir_system_actor())'
                           ' where created_by is null or updated_by is null', t.table_name);
            execute format('create trigger %I before insert or update on %I for each row'
                           ' execute function comptoir_fill_created_and_updated_by()', t.table_name || '_actor', t.table_name);
            execute format('alter table %I alter column created_by set not null, alter column updated_by set not null',
                           t.table_name);
        else
            execute format('update %I set created_by = comptoir_system_actor() where created_by is null', t.table_name);
            execute format('create trigger %I before insert or update on %I for each row'
                           ' execute function comptoir_fill_created_by()', t.table_name || '_actor', t.table_name);
            execute format('alter table %I alter column created_by set not null', t.table_name);
        end if;
        if forced then
            execute format('alter table %I force row level security', t.table_name);
        end if;
    end loop;
end $$;

-- A stock movement's author is its actor_id (the demo's movements and the jobs' had none).
do $$
declare
    forced boolean := (select relforcerowsecurity from pg_class where oid = 'stock_movements'::regclass);
begin
    if forced then
        alter table stock_movements no force row level security;
    end if;
    update stock_movements set actor_id = comptoir_system_actor() where actor_id is null;
    if forced then
        alter table stock_movements force row level security;
    end if;
end $$;
create trigger stock_movements_actor before insert or update on stock_movements for each row
    execute function comptoir_fill_actor_id();
alter table stock_movements alter column actor_id set not null;

-- The audit trail keeps its own convention (unchanged): a row written without a signed-in person has actor
-- "system" and no actor id; the audit screen names it "Comptoir (système)".
