-- Access tokens and web sessions carry the account's token version; raising it (password change,
-- "sign out everywhere", an administrator's reset) ends every token and session issued before.
alter table users add column token_version int not null default 0;

-- Argon2id hashes with their {argon2} prefix are longer than bcrypt's 60 characters.
alter table users alter column password_hash type text;
