package org.independentstudy.progress;

/** The engine side of an evaluation notice (ATT-07): the process progress-evaluation waiting for its e-mails. */
public interface EvaluationNoticeProcesses {

    /** Every e-mail of the evaluation's notice was taken by the mail server or given up; the evaluation goes on. */
    void mailSettled(Long evaluationId, boolean lettersToPrint);
}
