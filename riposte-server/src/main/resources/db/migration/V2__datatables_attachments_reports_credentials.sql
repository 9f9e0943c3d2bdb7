-- Slice 3: data tables (built-in flag and the six SEP tables of the Resilient SEP integration guide, section 3),
-- credentials' non-secret fields, and indexes for the new queries. Portable between H2 2.x and PostgreSQL 15+.

alter table data_table_definitions add column built_in boolean default false not null;

alter table credentials add column url varchar(2000);
alter table credentials add column username varchar(200);
alter table credentials add column description varchar(2000);

-- Paging a table's rows for one incident walks this index in id order.
create index ix_data_table_rows_page on data_table_rows (definition_id, incident_id, id);
create index ix_report_incidents_incident on report_incidents (incident_id);
create index ix_report_indicators_indicator on report_indicators (indicator_id);
create index ix_reports_pdf on reports (pdf_sha256);

insert into data_table_definitions (name, display_name, description, columns_json, built_in, created_at, updated_at, version)
values
    ('sep_eoc_scan_results', 'Symantec SEP EOC scan results', 'EOC (evidence of compromise) scans of an artifact and their matches: one query row per scan command, one row per match.',
     '[{"name":"artifact_value","label":"Artifact value","type":"text"},{"name":"artifact_type","label":"Artifact type","type":"text"},{"name":"scan_type","label":"Scan type","type":"select","options":["QUICK_SCAN","FULL_SCAN"]},{"name":"scan_command_id","label":"SEP scan command id","type":"text"},{"name":"scan_command_state","label":"Scan command state","type":"select","options":["In progress","Completed","Failed"]},{"name":"scan_date","label":"Scan date","type":"datetime"},{"name":"match_count","label":"Matches","type":"number"},{"name":"computer_name","label":"Computer name","type":"text"},{"name":"computer_id","label":"Computer id","type":"text"},{"name":"file_path","label":"File path","type":"text"},{"name":"hash_value","label":"Hash value","type":"text"},{"name":"sep_file_id","label":"SEP file id","type":"text"},{"name":"remediation_command_id","label":"SEP remediation command id","type":"text"},{"name":"remediation_status","label":"Remediation status","type":"select","options":["In progress","Completed","Failed"]},{"name":"upload_command_id","label":"SEP upload command id","type":"text"},{"name":"file_upload_status","label":"File upload status","type":"select","options":["In progress","Completed","Failed"]}]',
     true, current_timestamp, current_timestamp, 0),
    ('sep_endpoint_details', 'Symantec SEP Endpoint details', 'Properties of one endpoint (SEP - Get Computers), with its group and network quarantine state.',
     '[{"name":"computer_name","label":"Computer name","type":"text"},{"name":"computer_id","label":"Computer id","type":"text"},{"name":"hardware_key","label":"Hardware key","type":"text"},{"name":"domain_name","label":"Domain name","type":"text"},{"name":"group_name","label":"SEP group name","type":"text"},{"name":"group_id","label":"SEP group id","type":"text"},{"name":"ip_addresses","label":"IP addresses","type":"text"},{"name":"operating_system","label":"Operating system","type":"text"},{"name":"logon_user","label":"Logged-on user","type":"text"},{"name":"online","label":"Online","type":"boolean"},{"name":"definitions_date","label":"Virus definitions date","type":"datetime"},{"name":"endpoint_quarantine_status","label":"Endpoint quarantine status","type":"select","options":["Quarantined","Un-Quarantined"]},{"name":"quarantine_command_id","label":"SEP quarantine command id","type":"text"},{"name":"quarantine_command_state","label":"Quarantine command state","type":"select","options":["In progress","Completed","Failed"]},{"name":"last_update","label":"Last update","type":"datetime"}]',
     true, current_timestamp, current_timestamp, 0),
    ('sep_endpoint_status_summary', 'Symantec SEP Endpoint status summary', 'Overall status of all endpoints at one time (SEP - Get Computers with sep_status).',
     '[{"name":"query_time","label":"Query time","type":"datetime"},{"name":"total_endpoints","label":"Total endpoints","type":"number"},{"name":"compliant","label":"Compliant","type":"number"},{"name":"non_compliant","label":"Non compliant","type":"number"},{"name":"online","label":"Online","type":"number"},{"name":"offline","label":"Offline","type":"number"},{"name":"definitions_out_of_date","label":"Definitions out of date","type":"number"}]',
     true, current_timestamp, current_timestamp, 0),
    ('sep_non_compliant_endpoints', 'Symantec SEP Non-compliant Endpoints status details', 'One row per non-compliant endpoint (SEP - Get Computers with sep_status_details).',
     '[{"name":"computer_name","label":"Computer name","type":"text"},{"name":"computer_id","label":"Computer id","type":"text"},{"name":"domain_name","label":"Domain name","type":"text"},{"name":"group_name","label":"SEP group name","type":"text"},{"name":"ip_addresses","label":"IP addresses","type":"text"},{"name":"operating_system","label":"Operating system","type":"text"},{"name":"online","label":"Online","type":"boolean"},{"name":"definitions_date","label":"Virus definitions date","type":"datetime"},{"name":"reasons","label":"Non-compliance reasons","type":"text"},{"name":"last_update","label":"Last update","type":"datetime"}]',
     true, current_timestamp, current_timestamp, 0),
    ('sep_groups', 'Symantec SEP Groups', 'One row per SEP group of a domain (SEP - Get Groups).',
     '[{"name":"group_name","label":"Group name","type":"text"},{"name":"group_id","label":"Group id","type":"text"},{"name":"full_path","label":"Full path","type":"text"},{"name":"domain_name","label":"Domain name","type":"text"},{"name":"domain_id","label":"Domain id","type":"text"},{"name":"description","label":"Description","type":"text"},{"name":"policy_inheritance","label":"Policy inheritance","type":"boolean"},{"name":"computer_count","label":"Computers","type":"number"},{"name":"created","label":"Created","type":"datetime"},{"name":"last_modified","label":"Last modified","type":"datetime"}]',
     true, current_timestamp, current_timestamp, 0),
    ('sep_fingerprint_lists', 'Symantec SEP Fingerprint lists', 'A fingerprint list (blacklist) of a domain and its hashes (SEP - Get Fingerprint List).',
     '[{"name":"fingerprint_list_name","label":"Fingerprint list name","type":"text"},{"name":"fingerprint_list_id","label":"Fingerprint list id","type":"text"},{"name":"domain_name","label":"Domain name","type":"text"},{"name":"domain_id","label":"Domain id","type":"text"},{"name":"description","label":"Description","type":"text"},{"name":"hash_type","label":"Hash type","type":"select","options":["MD5","SHA256"]},{"name":"hash_count","label":"Hashes","type":"number"},{"name":"hashes","label":"Hashes (list)","type":"text"},{"name":"lockdown_groups","label":"Assigned lockdown groups","type":"text"},{"name":"last_modified","label":"Last modified","type":"datetime"}]',
     true, current_timestamp, current_timestamp, 0);
