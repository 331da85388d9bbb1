-- The yearly report counts a candidacy as introduced in the year of the youth committee's resolution and as
-- admitted in the year of the approving decision; quotas are set per unit and year.

alter table candidacy add column introduced_on date;
alter table candidacy add column admitted_on date;
create index ix_candidacy_introduced on candidacy (introduced_on);
create index ix_candidacy_admitted on candidacy (admitted_on);

create table quota (
    quota_year   integer     not null,
    unit_code    varchar(40) not null references org_unit (code),
    introduced   integer     not null,
    primary key (quota_year, unit_code)
);
