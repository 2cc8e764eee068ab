-- Second-hand attributes of a product (issue #18): its condition, size and material, so that a reseller of
-- one-off items stops typing them into the name. The brand already is a product column. All optional.
alter table products add column item_condition varchar(20);
alter table products add column item_size      varchar(40);
alter table products add column item_material  varchar(80);
alter table products add constraint products_item_condition_ck check (item_condition in
    ('NEW_WITH_TAGS', 'NEW_WITHOUT_TAGS', 'VERY_GOOD', 'GOOD', 'SATISFACTORY'));
