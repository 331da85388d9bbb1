-- One meeting (branch meeting, youth committee session, awareness class, admission ceremony) recorded once for several
-- candidacies: its shared fields and who took part. Each candidacy's stage record (candidacy_event.details) carries the
-- meeting's id; the per-person results are in those records.
create sequence meeting_seq start with 1 increment by 50;

create table meeting (
    id             bigint                    primary key,
    stage          varchar(60)               not null,
    unit_code      varchar(50)               not null,
    -- the shared fields as JSON, as entered
    shared_fields  varchar(4000)             not null,
    recorded_by    varchar(100)              not null,
    recorded_at    timestamp with time zone  not null
);
create index ix_meeting_unit on meeting (unit_code, stage);

create table meeting_candidacy (
    meeting_id    bigint   not null references meeting (id),
    candidacy_id  bigint   not null references candidacy (id),
    attended      boolean  not null,
    primary key (meeting_id, candidacy_id)
);
create index ix_meeting_candidacy_candidacy on meeting_candidacy (candidacy_id);
