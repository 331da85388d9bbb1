-- The engine's grants on each task's history (HISTORIC_TASK), which this version no longer makes
-- (identity/TaskGrantsWithoutHistory), are removed once by identity/HistoricTaskGrantsRemoval after the engine has
-- started: on a new database the engine creates its tables after Flyway has run.
insert into pending_backfill (name) values ('historic_task_grants');
