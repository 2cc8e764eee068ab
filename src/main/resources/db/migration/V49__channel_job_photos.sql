-- Channels (issue #18): the photos a publish job has uploaded so far. Each upload is a write the rate cap counts, so a
-- job may wait for the cap between two photos: what is already on the marketplace is kept here and not sent again.
alter table channel_jobs add column photos jsonb not null default '[]';
