-- Settings that admins change at run time (riposte.server.settings): one row per key, its value as JSON. A row whose
-- value is null has been reset: the configuration (riposte.yml, RIPOSTE_*) applies again. The version counts every
-- save and reset (optimistic locking; other nodes compare it to notice a change). Portable between H2 2.x and
-- PostgreSQL 15+.

create table settings (
    setting_key varchar(100) primary key,
    value_json  text,
    version     bigint not null,
    updated_by  varchar(100) not null,
    updated_at  timestamp with time zone not null
);
