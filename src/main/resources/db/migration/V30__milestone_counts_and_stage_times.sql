-- The yearly report read from counters instead of counting the candidacies (issue 16), and the working days each
-- stage took, for the dashboard's view of where candidacies stall (issue 15). Plain SQL that runs unchanged on H2 and
-- PostgreSQL.

-- How many candidacies of a branch reached a milestone in a year: NOMINATED (nomination dated in the year in Vietnam),
-- INTRODUCED (the youth committee's resolution dated in it), ADMITTED (the approving decision dated in it). Kept by
-- candidacy/MilestoneCounters in the transaction that records the milestone; GET /api/reports/counter-check recounts.
create table milestone_count (
    count_year   integer     not null,
    branch_code  varchar(40) not null,
    milestone    varchar(20) not null,
    candidacies  bigint      not null,
    primary key (count_year, branch_code, milestone),
    constraint ck_milestone_count_milestone check (milestone in ('NOMINATED', 'INTRODUCED', 'ADMITTED'))
);

-- The counters of the candidacies already there. The nomination's year is its year in Vietnam (UTC+7, no daylight
-- saving), the zone BusinessClock defaults to; both databases read "at time zone" as that local time.
insert into milestone_count (count_year, branch_code, milestone, candidacies)
select y, branch_code, 'NOMINATED', count(*)
from (select cast(extract(year from (nominated_at at time zone 'Asia/Ho_Chi_Minh')) as integer) y, branch_code
      from candidacy) nominated
group by y, branch_code;
insert into milestone_count (count_year, branch_code, milestone, candidacies)
select y, branch_code, 'INTRODUCED', count(*)
from (select cast(extract(year from introduced_on) as integer) y, branch_code from candidacy
      where introduced_on is not null) introduced
group by y, branch_code;
insert into milestone_count (count_year, branch_code, milestone, candidacies)
select y, branch_code, 'ADMITTED', count(*)
from (select cast(extract(year from admitted_on) as integer) y, branch_code from candidacy
      where admitted_on is not null) admitted
group by y, branch_code;

-- How many visits of a stage, completed in a year, took so many working days, for every unit whose figures count the
-- candidacy's branch (the branch, the units above it and the Party units that answer for it): a unit's median and
-- 90th percentile are read from its own rows, however many branches it has. Kept by stall/StageTimes when a stage
-- is completed; the visits completed before this version are added from the engine's history at the first start
-- (stall/StageTimeBackfill), as the engine's tables do not exist yet when Flyway runs on a new database.
create table stage_time (
    unit_code     varchar(40) not null,
    time_year     integer     not null,
    stage         varchar(60) not null,
    working_days  integer     not null,
    visits        bigint      not null,
    primary key (unit_code, time_year, stage, working_days)
);

-- Work left for the application once the engine has started: one row per step, deleted by the step that does it.
create table pending_backfill (
    name  varchar(40) primary key
);
insert into pending_backfill (name) values ('stage_time');

-- When the candidacy entered its open stage: which open candidacies have waited longer than their unit usually does.
-- Candidacies already open get it from their open task at the same first start.
alter table candidacy add column stage_entered_at timestamp with time zone;
create index ix_candidacy_open_stage_entered on candidacy (status, stage, stage_entered_at, branch_code);

-- The report's candidacies in progress by branch and stage, and the overdue ones among them, from the index alone.
drop index ix_candidacy_status_branch_stage;
create index ix_candidacy_in_progress on candidacy (status, branch_code, stage, due_at);
