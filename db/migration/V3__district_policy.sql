-- District policy versions: every value marked "(policy)" in the rule catalogue. A case is judged by the
-- version in force on its relevant date; which versions a district has adopted, and from when, is
-- district configuration (isp.policy.adopted).
create table district_policy (
    code                                varchar(40)   primary key,
    title                               varchar(200)  not null,
    source                              varchar(500)  not null,
    long_term_threshold_days            integer       not null, -- ENR-06 / AGR-07 / ATT-02 / TRN-01
    minimum_placement_days              integer       not null, -- ENR-07, 0 = no minimum
    short_term_signature_deadline_days  integer,                -- AGR-07, null = any time in the school year
    max_assignment_calendar_days        integer       not null, -- AGR-10
    missed_assignments_for_evaluation   integer       not null, -- ATT-07
    conference_scheduling_school_days   integer       not null, -- ENR-02 escalation to the counselor's lead
    signature_reminder_school_days      integer       not null, -- AGR-07 escalation before the deadline
    satisfactory_progress_statement     varchar(2000) not null, -- AGR-03 (4)
    reengagement_conference_standard    varchar(2000) not null  -- REE-08
);

insert into district_policy values (
    'BP6158-2022',
    'Board Policy 6158 Independent Study (revised 2022-12-15)',
    'BP 6158, revised 2022-12-15 (seed 001)',
    15, 3, 10, 7, 3, 5, 2,
    'Satisfactory educational progress is judged on achievement and engagement (EC 52060 measures), completion of assignments and assessments, learning of required concepts as determined by the supervising teacher, and progress toward completion of the course of study.',
    'A student-parent-educator conference is required when a re-engagement trigger recurs within the same school month, or when outreach does not restore participation within five school days.'
);

insert into district_policy values (
    'SB153-2024',
    'Independent study after SB 153 (2024)',
    'EC 51747 as amended by SB 153 (Stats. 2024): long-term from 16 school days, short-term agreements signable any time in the school year, no minimum length',
    16, 0, null, 7, 3, 5, 2,
    'Satisfactory educational progress is judged on achievement and engagement (EC 52060 measures), completion of assignments and assessments, learning of required concepts as determined by the supervising teacher, and progress toward completion of the course of study.',
    'A student-parent-educator conference is required when a re-engagement trigger recurs within the same school month, or when outreach does not restore participation within five school days.'
);
