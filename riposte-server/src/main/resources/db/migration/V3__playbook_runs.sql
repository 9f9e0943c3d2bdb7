-- Durable playbook runs (riposte.server.playbook). A run and its step log are written together, in one transaction
-- per decision; maps (object data, inputs, outputs) are JSON text. "version" guards every write (optimistic
-- locking); lease_owner/lease_until say which node is advancing the run right now, so that two nodes (or the
-- immediate advance and the durable schedule on one node) never execute its steps concurrently.
create table playbook_runs (
    id               varchar(36) primary key,
    playbook_id      varchar(200) not null,
    playbook_version int not null,
    object_kind      varchar(20) not null,
    object_table     varchar(100),
    object_id        varchar(100) not null,
    object_data      text not null,
    inputs           text not null,
    state            varchar(20) not null,
    waiting_for      varchar(300),
    wake_at          timestamp with time zone,
    trigger_kind     varchar(20) not null,
    trigger_by       varchar(200) not null,
    trigger_reason   varchar(1000) not null,
    outputs          text not null,
    failure_step     varchar(200),
    failure_kind     varchar(20),
    failure_message  varchar(4000),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    lease_owner      varchar(64),
    lease_until      timestamp with time zone,
    version          bigint not null default 0
);
create index ix_playbook_runs_object on playbook_runs (object_kind, object_id, created_at);
create index ix_playbook_runs_playbook on playbook_runs (playbook_id, created_at);
create index ix_playbook_runs_state on playbook_runs (state, created_at);

-- One attempt of one step; a poll's calls update the same attempt. seq orders the log as the steps started.
create table playbook_step_runs (
    run_id        varchar(36) not null references playbook_runs (id) on delete cascade,
    step_id       varchar(200) not null,
    attempt       int not null,
    seq           int not null,
    state         varchar(20) not null,
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    outputs       text not null,
    error_kind    varchar(20),
    error_message varchar(4000),
    next_poll_at  timestamp with time zone,
    polls         int not null,
    primary key (run_id, step_id, attempt)
);

-- db-scheduler's table (com.github.kagkarlsson:db-scheduler 16.x): one task instance per unfinished run and one per
-- playbook schedule. The same script works on H2 2.x and PostgreSQL.
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(100) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
