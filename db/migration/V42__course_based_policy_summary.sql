-- AGR-04 (1): every course-based learning agreement carries a summary of the district's policies and
-- procedures for course-based independent study (EC 51749), summarised from the board policy (seed 001).
alter table district_policy add column course_based_policy_summary varchar(4000);

update district_policy set course_based_policy_summary =
    'Course-based independent study (EC 51749-51749.6). Courses are taught under the general supervision of '
    || 'certificated employees who hold the subject-matter credential for the course, and are certified by the '
    || 'Board to be of the same quality as classroom instruction and aligned to state content standards. No '
    || 'student is required to enroll, and none is refused for lacking materials, a device or internet access. '
    || 'Satisfactory educational progress is judged on achievement and engagement, completion of assignments '
    || 'and assessments, learning of required concepts and progress toward completing the course; a student not '
    || 'making it, or not following this learning agreement, is notified (under 18, with the parent), receives '
    || 'tiered re-engagement, and is evaluated on whether to remain in the course. Examinations are proctored. '
    || 'The student may return to in-person instruction within five instructional days of the family''s request.';
