-- The due date of the candidacy's open stage (the earliest of its open tasks'), kept by the application as tasks are
-- created, extended and closed, so that lists and the yearly report tell overdue candidacies without asking the engine
-- about each one.
alter table candidacy add column due_at timestamp with time zone;
create index ix_candidacy_overdue on candidacy (status, due_at);
