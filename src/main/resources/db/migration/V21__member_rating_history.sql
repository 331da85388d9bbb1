-- The yearly rating of each member, one row per member and year (docs/domain.md, "The yearly rating"). Recording a
-- year again replaces that year's row. member.last_rating / last_rating_year stay as the latest year's rating, for
-- the member API and import; only Member.rate writes either, so the two agree.
-- recorded_by / recorded_at are null for a rating stated when the member was registered (POST /api/members, the
-- import) rather than recorded in a branch's yearly rating.

create table member_rating (
    member_code  varchar(40)  not null references member (code),
    rating_year  integer      not null,
    rating       varchar(30)  not null,
    recorded_by  varchar(100),
    recorded_at  timestamp with time zone,
    primary key (member_code, rating_year)
);

insert into member_rating (member_code, rating_year, rating)
select code, last_rating_year, last_rating from member;
