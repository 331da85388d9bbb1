-- Organisation units of both trees (Youth Union and Party), the member registry and the candidacies.
-- Plain SQL that runs unchanged on H2 and PostgreSQL.

create table org_unit (
    code             varchar(40)  primary key,
    name             varchar(255) not null,
    kind             varchar(30)  not null,
    parent_code      varchar(40)  references org_unit (code),
    party_cell_code  varchar(40)  references org_unit (code)
);
create index ix_org_unit_parent on org_unit (parent_code);

create table member (
    code                        varchar(40)  primary key,
    full_name                   varchar(255) not null,
    birth_date                  date         not null,
    gender                      varchar(10)  not null,
    branch_code                 varchar(40)  not null references org_unit (code),
    youth_union_join_date       date         not null,
    youth_union_active          boolean      not null,
    education                   varchar(30)  not null,
    last_rating                 varchar(30)  not null,
    last_rating_year            integer      not null,
    awareness_certificate_date  date
);
create index ix_member_branch on member (branch_code);

create sequence candidacy_seq start with 1 increment by 50;

create table candidacy (
    id                   bigint       primary key,
    member_code          varchar(40)  not null references member (code),
    -- equals member_code while the candidacy is open: the unique index allows one open candidacy per member
    open_member_code     varchar(40)  unique,
    branch_code          varchar(40)  not null references org_unit (code),
    status               varchar(20)  not null,
    stage                varchar(60)  not null,
    rejection_reason     varchar(1000),
    nomination_reason    varchar(2000) not null,
    nominated_by         varchar(100),
    nominated_at         timestamp    not null,
    closed_at            timestamp,
    process_instance_id  varchar(64),
    version              bigint       not null
);
create index ix_candidacy_member on candidacy (member_code);
create index ix_candidacy_branch_status on candidacy (branch_code, status);

create sequence candidacy_event_seq start with 1 increment by 50;

create table candidacy_event (
    id            bigint        primary key,
    candidacy_id  bigint        not null references candidacy (id),
    stage         varchar(60)   not null,
    action        varchar(30)   not null,
    actor         varchar(100),
    occurred_at   timestamp     not null,
    summary       varchar(2000) not null,
    -- the submitted form values as JSON, kept for the documents and reports built on them
    details       varchar(8000)
);
create index ix_candidacy_event_candidacy on candidacy_event (candidacy_id);
