-- V5: what the read paths measured by ApiReadBenchmark need (see docs/benchmarks.md). Portable between H2 2.x and
-- PostgreSQL 15+.

-- Artifacts are listed per incident in id order: with id in the index PostgreSQL reads a page as an index range
-- instead of sorting the incident's artifacts. The one-column index is a prefix of this one and goes.
create index ix_artifacts_incident_page on artifacts (incident_id, id);
drop index ix_artifacts_incident;

-- The number of rows of each table in each incident, kept in the same transaction as every row insert and delete,
-- so that an unfiltered page answers totalItems with one primary-key read instead of counting every row.
create table data_table_row_counts (
    incident_id   bigint not null references incidents (id) on delete cascade,
    definition_id bigint not null references data_table_definitions (id) on delete cascade,
    row_count     bigint not null,
    primary key (incident_id, definition_id)
);
insert into data_table_row_counts (incident_id, definition_id, row_count)
    select incident_id, definition_id, count(*) from data_table_rows group by incident_id, definition_id;
