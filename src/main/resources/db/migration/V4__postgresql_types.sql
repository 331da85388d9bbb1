-- Hibernate 6 maps java.time.Instant to "timestamp with time zone"; V1 made these columns plain "timestamp", which
-- H2 filled with the JVM's local time. The conversion reads the old values in the session's time zone, the JVM's,
-- as they were written, so every stored instant is kept. PostgreSQL databases are new with the prod profile, which
-- comes with this migration, so their tables are still empty here. "set data type" keeps NOT NULL on both.

alter table candidacy alter column nominated_at set data type timestamp with time zone;
alter table candidacy alter column closed_at set data type timestamp with time zone;
alter table candidacy_event alter column occurred_at set data type timestamp with time zone;
