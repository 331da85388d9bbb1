-- What a stage records that only the Party units of the candidacy may read (background verification notes,
-- opinions received), kept apart from the details every unit of the candidacy sees.
alter table candidacy_event add column party_details varchar(8000);
