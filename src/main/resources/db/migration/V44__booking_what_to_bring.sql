-- What a customer brings to an appointment (documents, keys...): shown on the booking page and told by its
-- assistant. A column of the business's booking settings, under that table's row-level security and grants.
alter table booking_settings add column what_to_bring varchar(1000);
