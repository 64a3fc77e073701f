package org.independentstudy.policy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/** One version of the district's independent-study policy: the values marked "(policy)" in the rules. */
@Entity
@Immutable
public class DistrictPolicy {

    @Id
    private String code;
    private String title;
    private String source;
    private int longTermThresholdDays;
    private int minimumPlacementDays;
    private Integer shortTermSignatureDeadlineDays;
    private int maxAssignmentCalendarDays;
    private int missedAssignmentsForEvaluation;
    private int conferenceSchedulingSchoolDays;
    private int signatureReminderSchoolDays;
    private String satisfactoryProgressStatement;
    private String reengagementConferenceStandard;
    private String courseBasedPolicySummary;

    protected DistrictPolicy() {
    }

    /** ENR-06: a placement of this many school days or more is long-term. */
    public boolean isLongTerm(int schoolDays) {
        return schoolDays >= longTermThresholdDays;
    }

    /** AGR-07: school days after the first day within which a short-term agreement must be signed; empty when any time in the school year. */
    public Optional<Integer> shortTermSignatureDeadlineDays() {
        return Optional.ofNullable(shortTermSignatureDeadlineDays);
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public String getSource() {
        return source;
    }

    public int getLongTermThresholdDays() {
        return longTermThresholdDays;
    }

    public int getMinimumPlacementDays() {
        return minimumPlacementDays;
    }

    public int getMaxAssignmentCalendarDays() {
        return maxAssignmentCalendarDays;
    }

    public int getMissedAssignmentsForEvaluation() {
        return missedAssignmentsForEvaluation;
    }

    public int getConferenceSchedulingSchoolDays() {
        return conferenceSchedulingSchoolDays;
    }

    public int getSignatureReminderSchoolDays() {
        return signatureReminderSchoolDays;
    }

    public String getSatisfactoryProgressStatement() {
        return satisfactoryProgressStatement;
    }

    /** AGR-04 (1): the summary of the policies and procedures every course-based learning agreement carries. */
    public String getCourseBasedPolicySummary() {
        return courseBasedPolicySummary;
    }

    public String getReengagementConferenceStandard() {
        return reengagementConferenceStandard;
    }
}
