-- Pre-enrollment (ENR-01..11): the family's request as received, and the decisions taken on it. One row per
-- case. The request columns are written once; each decision column is written once, when it is taken
-- (REC-07: the case timeline carries who and when). Earlier rows of a student feed ENR-06 (cumulative days)
-- and ENR-08 (course-based disenrollments).
create table enrollment (
    case_id                        bigint        primary key references is_case (id),
    student_id                     bigint        not null references student (id),
    requested_by_student           boolean       not null,
    requester_guardian_id          bigint        references guardian (id),
    requester_name                 varchar(200)  not null,
    received_via                   varchar(20)   not null,
    received_on                    date          not null,
    received_by                    varchar(64)   not null,
    reason                         varchar(2000) not null,
    requested_start                date          not null,
    projected_end                  date          not null,
    preferred_placement            varchar(20)   not null,
    conference_requested           boolean       not null,
    conference_modality            varchar(20),
    advocate_requested             boolean       not null,
    needs_device                   boolean       not null, -- ENR-10: recorded, never a reason to refuse
    needs_internet_access          boolean       not null,
    other_resource_needs           varchar(1000),
    section_504_plan_reference     varchar(200),           -- ENR-04
    suspension_referral            varchar(20)   not null, -- ENR-05: NONE, EC_48915, EC_48917
    classroom_alternative_offered  boolean       not null,
    medical_treatment              boolean       not null, -- ENR-11
    medical_evidence               varchar(1000),
    -- decisions
    program                        varchar(20),            -- ENR-06: TRADITIONAL, COURSE_BASED
    long_term                      boolean,
    projected_school_days          integer,
    cumulative_school_days_before  integer,
    long_term_from                 date,
    policy_code                    varchar(40),
    iep_team_approves              boolean,                -- ENR-03
    iep_provides_course_based      boolean,                -- ENR-09
    medical_exemption              boolean,                -- ENR-11
    activated_on                   date,
    ended_on                       date,
    end_reason                     varchar(30)
);
create index enrollment_student on enrollment (student_id);
