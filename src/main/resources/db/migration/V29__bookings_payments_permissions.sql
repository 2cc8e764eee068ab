-- Bookings and payments (issue #19): managers book, take payments on site and refund by default. Stored role
-- matrices (businesses that changed theirs) get the same new permissions for managers, as the default matrix does.
-- The modules' own tables come in V30 (bookings) and V31 (payments).
update tenants set role_permissions = array_append(role_permissions, 'MANAGER:BOOKINGS_WRITE')
    where role_permissions is not null and not ('MANAGER:BOOKINGS_WRITE' = any (role_permissions));
update tenants set role_permissions = array_append(role_permissions, 'MANAGER:PAYMENTS_RECORD')
    where role_permissions is not null and not ('MANAGER:PAYMENTS_RECORD' = any (role_permissions));
update tenants set role_permissions = array_append(role_permissions, 'MANAGER:PAYMENTS_REFUND')
    where role_permissions is not null and not ('MANAGER:PAYMENTS_REFUND' = any (role_permissions));
