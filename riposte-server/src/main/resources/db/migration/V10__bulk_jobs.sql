-- Bulk enrichment jobs (riposte.server.enrichment): the job and one row per input line, so that a job's progress
-- survives a restart and every server on the database answers for it. An item records the durable playbook runs it
-- started (run_refs, JSON), so that a node taking the job over waits for those runs instead of starting them again.
-- lease_owner/lease_until say which node works on the job's open items; another node takes it over once the lease
-- has run out (its owner stopped or died).
create table bulk_jobs (
    id                varchar(36) primary key,
    created_by        varchar(200) not null,
    created_at        timestamp with time zone not null,
    finished_at       timestamp with time zone,
    playbooks         varchar(4000) not null,
    create_associated boolean not null,
    lease_owner       varchar(64),
    lease_until       timestamp with time zone
);
create index ix_bulk_jobs_open on bulk_jobs (finished_at, lease_until);
create index ix_bulk_jobs_created on bulk_jobs (created_at);

create table bulk_job_items (
    job_id          varchar(36) not null references bulk_jobs (id) on delete cascade,
    line_no         int not null,
    input_text      varchar(200) not null,
    indicator_type  varchar(20),
    indicator_value varchar(8192),
    indicator_id    bigint,
    state           varchar(20) not null,
    message         varchar(1000),
    run_refs        text not null,
    from_cache      boolean not null,
    primary key (job_id, line_no)
);
create index ix_bulk_job_items_state on bulk_job_items (job_id, state);
