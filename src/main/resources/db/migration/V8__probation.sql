-- The twelve-month probation that follows an admission (SPEC, stage 12) and its outcome: recognised as a full member
-- or not. One row per admitted candidacy, written when the probation process starts and when it ends.
create table probation (
    candidacy_id         bigint       primary key references candidacy (id),
    process_instance_id  varchar(64)  not null,
    ceremony_date        date         not null,
    end_date             date         not null,
    status               varchar(20)  not null,
    decided_on           date,
    resolution_number    varchar(100),
    decided_at           varchar(60),
    reason               varchar(1000),
    closed_at            timestamp with time zone,
    version              bigint       not null
);
