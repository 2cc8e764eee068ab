-- The driver's day: a step of an order's history that is not the plain workflow, so that its timeline can
-- say so. step: 'DELIVERY_FAILED' (back to the shop, PREPARING, with the reason the driver picked) or
-- 'DELIVERY_UNDONE' (a mistaken "delivered" taken back, OUT_FOR_DELIVERY again); null for ordinary steps.
alter table sales_order_history add column step text
    constraint sales_order_history_step_check check (step in ('DELIVERY_FAILED', 'DELIVERY_UNDONE'));
alter table sales_order_history add column reason text
    constraint sales_order_history_reason_check check (reason in ('ABSENT', 'REFUSED', 'WRONG_ADDRESS', 'OTHER'));
