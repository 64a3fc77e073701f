package org.independentstudy.records;

/** Where a case stands; each phase is a process (or a part of the case process) of its own. */
public enum CasePhase {
    PRE_ENROLLMENT,
    READY_FOR_AGREEMENT,
    AGREEMENT,
    ACTIVE,
    REENGAGEMENT,
    TRANSITION,
    CLOSED,
    REFUSED
}
