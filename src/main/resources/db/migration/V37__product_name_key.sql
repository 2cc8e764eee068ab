-- The key products are sorted by name with (accents and case ignored), computed once when the name is written
-- instead of for every product of every list: unaccenting a thousand names was a third of a list's statement.
alter table products add column name_key text generated always as (lower(catalog_unaccent(name))) stored;
