-- REC-04 (EC 51745.6): the full-time equivalent of each certificated teacher's assignment to independent study per
-- school year, kept as data, and the district's ratio for its other programs that the independent-study ratio is
-- compared with, configured per year.
create table teacher_fte (
    school_year       varchar(9)    not null,
    teacher_username  varchar(64)   not null,
    fte               numeric(4, 2) not null,
    constraint pk_teacher_fte primary key (school_year, teacher_username),
    constraint ck_teacher_fte check (fte > 0 and fte <= 1)
);

create table district_ratio (
    school_year           varchar(9)    primary key,
    other_programs_ratio  numeric(6, 2) not null -- ADA per FTE teacher in the district's other programs
);
