-- A data table definition names the incident tab that shows it (the console draws one tab per group). Grouping is
-- configuration: an admin sets or changes "group" through the data-table definition API. Null = its own tab.
alter table data_table_definitions add column tab_group varchar(200);

-- The tabs of the Resilient SEP integration guide ("Custom layout"): Threats, Blacklists, Status.
update data_table_definitions set tab_group = 'Symantec SEP - Threats'
    where name in ('sep_eoc_scan_results', 'sep_endpoint_details') and built_in = true;
update data_table_definitions set tab_group = 'Symantec SEP - Blacklists'
    where name in ('sep_fingerprint_lists', 'sep_groups') and built_in = true;
update data_table_definitions set tab_group = 'Symantec SEP - Status'
    where name in ('sep_endpoint_status_summary', 'sep_non_compliant_endpoints') and built_in = true;
