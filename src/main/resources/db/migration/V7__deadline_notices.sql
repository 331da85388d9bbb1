-- Reminders and escalations sent for a task's due date; the id "<taskId>/<kind>" makes each happen once.
create table deadline_notice (
    id            varchar(100) primary key,
    task_id       varchar(64)  not null,
    kind          varchar(20)  not null,
    candidacy_id  bigint       not null references candidacy (id),
    sent_at       timestamp with time zone not null,
    sent_to       varchar(100) not null
);
create index ix_deadline_notice_candidacy on deadline_notice (candidacy_id);
