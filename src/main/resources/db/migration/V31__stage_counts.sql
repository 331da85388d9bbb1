-- The candidacies in progress now, by branch and open stage (issue 16): kept by candidacy/StageCounts in the
-- transaction that opens, moves or closes a candidacy, so that the yearly report and the stall view of a unit above a
-- thousand branches read a few rows per branch instead of counting every candidacy in progress. Plain SQL that runs
-- unchanged on H2 and PostgreSQL. GET /api/reports/counter-check recounts them.
create table stage_count (
    branch_code  varchar(40) not null,
    stage        varchar(60) not null,
    candidacies  bigint      not null,
    primary key (branch_code, stage)
);

insert into stage_count (branch_code, stage, candidacies)
select branch_code, stage, count(*) from candidacy where status = 'IN_PROGRESS' group by branch_code, stage;

-- The overdue candidacies of every branch, read from the overdue rows of V9's index alone, with the branch in it (the
-- report of a unit above many branches); a few branches' are still read through ix_candidacy_in_progress.
drop index ix_candidacy_overdue;
create index ix_candidacy_overdue on candidacy (status, due_at, branch_code);
