-- The Party member assigned to help a member of the pool ("đảng viên được phân công giúp đỡ"), who later is offered
-- as the introducer. One per member; assigning another replaces it.

create table member_mentor (
    member_code            varchar(40)  primary key references member (code),
    mentor_name            varchar(100) not null,
    mentor_official_since  date,
    assigned_by            varchar(100) not null,
    assigned_at            timestamp with time zone not null
);
