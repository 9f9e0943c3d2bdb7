-- V12: a change counter per incident and table, next to the kept row count (V5). Every transaction that inserts or
-- deletes rows of a table in an incident adds one to it in the same statement that moves row_count, under that
-- counter row's lock, so a snapshot that reads changes = S sees exactly the rows of every other snapshot that reads
-- S: the position of a row is a function of (incident, table, S), and a server may cache page boundaries under S
-- (see RowRepository and PageBoundaries). Portable between H2 2.x and PostgreSQL 15+.
alter table data_table_row_counts add column changes bigint not null default 0;
