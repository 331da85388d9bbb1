-- The grassroots youth committee hands the Party committee its list of introduced members for a period
-- ("trao danh sách đoàn viên ưu tú"): when, by whom, and in every listed candidacy the date it was handed over.
create sequence handover_seq start with 1 increment by 50;

create table handover (
    id               bigint                    primary key,
    youth_unit_code  varchar(50)               not null,
    period_from      date                      not null,
    period_to        date                      not null,
    handed_over_on   date                      not null,
    handed_over_by   varchar(200)              not null,
    recorded_by      varchar(100)              not null,
    recorded_at      timestamp with time zone  not null
);
create index ix_handover_unit on handover (youth_unit_code, period_from);

alter table candidacy add column handed_over_on date;
alter table candidacy add column handover_id bigint references handover (id);
create index ix_candidacy_youth_unit_introduced on candidacy (youth_unit_code, introduced_on);
