-- The yearly report (report/ReportQueries) counts per branch: those nominated in a year (by nominated_at; introduced_on
-- and admitted_on have their indexes from V2) and those in progress by stage (an index-only scan on the second index).
-- Plain SQL that runs unchanged on H2 and PostgreSQL.
create index ix_candidacy_nominated on candidacy (nominated_at);
create index ix_candidacy_status_branch_stage on candidacy (status, branch_code, stage);
