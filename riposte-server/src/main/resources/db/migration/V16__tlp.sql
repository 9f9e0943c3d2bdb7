-- TLP 2.0 markings (riposte.core.interchange.Tlp: CLEAR, GREEN, AMBER, AMBER_STRICT, RED) on indicators and incidents.
-- Rows from before this migration are AMBER (limited disclosure), the setting riposte.interchange.default-tlp's own
-- default; new rows get that setting's value unless a TLP is given. Portable between H2 2.x and PostgreSQL 15+.
alter table indicators add column tlp varchar(20) default 'AMBER' not null;
alter table incidents add column tlp varchar(20) default 'AMBER' not null;
-- The TAXII server pages a collection by (updated_at, id): the date a version was added, then the row.
create index ix_indicators_updated_id on indicators (updated_at, id);
