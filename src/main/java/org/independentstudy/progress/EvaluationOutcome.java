package org.independentstudy.progress;

/** ATT-07: what the formal evaluation decides about the student's independent study. */
public enum EvaluationOutcome { REMAIN, REMAIN_WITH_REVISED_AGREEMENT, RETURN_TO_IN_PERSON, REFER }
