-- CAL-01 / ATT-06: a district's own attendance months, imported with its school calendar (SCHOOL_MONTH_START
-- entries); a year without them keeps school months of 20 school days.
create table school_month_start (
    calendar_id  bigint not null,
    start_date   date   not null,
    constraint fk_school_month_start_calendar foreign key (calendar_id)
        references school_year_calendar (id) on delete cascade,
    constraint pk_school_month_start primary key (calendar_id, start_date)
);
