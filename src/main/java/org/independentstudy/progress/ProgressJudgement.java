package org.independentstudy.progress;

/**
 * ATT-06: the supervising teacher's judgement of the four indicators of satisfactory educational progress.
 * Progress is satisfactory when all four are.
 */
public record ProgressJudgement(boolean achievementAndEngagement, boolean assignmentsAndAssessments,
                                boolean conceptsLearned, boolean progressTowardCompletion, String notes) {

    public boolean satisfactory() {
        return achievementAndEngagement && assignmentsAndAssessments && conceptsLearned && progressTowardCompletion;
    }
}
