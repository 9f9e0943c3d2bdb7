-- The console's live data tables poll "has anything changed?" every few seconds: the row count and the latest change
-- of one table on one incident, answered from this index instead of reading every row.
create index ix_data_table_rows_changed on data_table_rows (definition_id, incident_id, updated_at);
