-- The candidacy of a process instance: the start-up backfills join the engine's history and tasks to the candidacies
-- by it (stall/StageTimeBackfill). Without it H2 read the whole candidacy table for every historic task: the first
-- start of a national-size H2 database had not finished the stage times after 15 minutes (PostgreSQL hashed the join).
create index ix_candidacy_process_instance on candidacy (process_instance_id);
