-- Prices entered with VAT (TTC, a shop's shelf prices) or without it (HT, a business selling to businesses),
-- per business. Every quote and order keeps the mode its prices were entered in, so a business changing
-- its setting never changes the totals of what it already made. Existing businesses, quotes and orders were
-- all priced excluding VAT: they stay so. New sign-ups start with prices including VAT (set by the code).
alter table tenants add column prices_include_vat boolean not null default false;
alter table sales_quotes add column prices_include_vat boolean not null default false;
alter table sales_orders add column prices_include_vat boolean not null default false;
