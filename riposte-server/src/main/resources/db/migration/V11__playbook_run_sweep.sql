-- Durable playbook runs are looked after by one recurring sweep instead of a db-scheduler task row per run
-- (riposte.server.playbook.RunDispatcher). due_at is when the sweep must look at a run if nobody holds its lease:
-- a short safety delay after it was started or moved by an approval (the node that did so advances it at once; the
-- sweep only acts if that node died), the wake time of a poll or retry, the deadline of an approval, and null for an
-- ended run or an approval without a time limit. The sweep reads "due_at <= now" through ix_playbook_runs_due.
alter table playbook_runs add column due_at timestamp with time zone;
update playbook_runs set due_at = case when state = 'WAITING' then wake_at else updated_at end
    where state in ('QUEUED', 'RUNNING', 'WAITING');
create index ix_playbook_runs_due on playbook_runs (due_at);
-- The per-run task instances of earlier versions: the sweep takes over their runs (due_at above).
delete from scheduled_tasks where task_name = 'playbook-run';
