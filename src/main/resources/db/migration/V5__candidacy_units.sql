-- The units a candidacy was nominated under, fixed at nomination like the engine's grants and task groups: a later
-- submission cannot move the candidacy to other units. Null for candidacies nominated before this version.
alter table candidacy add column youth_unit_code varchar(40);
alter table candidacy add column party_cell_code varchar(40);
alter table candidacy add column party_committee_code varchar(40);
alter table candidacy add column superior_committee_code varchar(40);
