-- Each business's role matrix (issue #12): which permission each role has, as 'ROLE:PERMISSION' entries.
-- Null until an administrator changes it: the business then uses the default matrix of the application
-- (PermissionMatrix.defaults()), so a new permission added by a release reaches businesses that never
-- adjusted theirs. ADMIN's row is fixed and never stored.
alter table tenants add column role_permissions text[];
