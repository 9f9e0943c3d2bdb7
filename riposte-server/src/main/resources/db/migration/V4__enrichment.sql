-- Enrichment (issue 5): attribute values are kept per source (a second source does not overwrite the first),
-- indicators can be associated with other indicators (related files, domains, IPs), and data-table rows can carry
-- a key so that a playbook step updates "its" row instead of adding another.

alter table attribute_values drop constraint uq_attribute_values;
alter table attribute_values add constraint uq_attribute_values_source unique (indicator_id, definition_id, source);

create table indicator_associations (
    indicator_id  bigint not null references indicators (id) on delete cascade,
    associated_id bigint not null references indicators (id) on delete cascade,
    created_by    varchar(100) not null,
    created_at    timestamp with time zone not null,
    primary key (indicator_id, associated_id)
);
create index ix_indicator_associations_associated on indicator_associations (associated_id);

alter table data_table_rows add column row_key varchar(500);
create index ix_data_table_rows_key on data_table_rows (definition_id, incident_id, row_key);
