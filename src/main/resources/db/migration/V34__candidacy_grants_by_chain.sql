-- Each candidacy's process instances (admission, probation) and their history were granted to its five units' groups,
-- ten rows per instance; this version grants each to its branch's chain, two rows (identity/CandidacyAuthorizations).
-- identity/ChainGrantsMigration replaces the old rows once after the engine has started: on a new database the engine
-- creates its tables after Flyway has run.
insert into pending_backfill (name) values ('chain_grants');
