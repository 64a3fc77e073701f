package org.independentstudy.reengagement;

/** The engine side of a re-engagement: the process tiered-reengagement, one instance per re-engagement. */
public interface ReengagementProcesses {

    /** Starts tiered-reengagement for the case (business key: the case id, so the case shows its tasks). */
    void start(Long caseId, Long reengagementId);

    /** A correction withdrew every trigger: the process records nothing more and ends. */
    void withdraw(Long reengagementId);

    /** The case closed under it: the process stops. */
    void cancel(Long reengagementId, String reason);
}
