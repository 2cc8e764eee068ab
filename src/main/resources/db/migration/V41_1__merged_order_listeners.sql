-- The webhooks' listeners of four order events were merged into the notices' listeners of the same events
-- (notifications.Notices): publications still waiting for the old listeners go to the merged ones, which queue the
-- webhook deliveries and make the notices, each ignoring what was already done.
update event_publication
   set listener_id = replace(listener_id, 'notifications.webhooks.', 'notifications.')
 where completion_date is null
   and listener_id in ('notifications.webhooks.order-created', 'notifications.webhooks.order-confirmed',
                       'notifications.webhooks.order-delivered', 'notifications.webhooks.order-cancelled');
