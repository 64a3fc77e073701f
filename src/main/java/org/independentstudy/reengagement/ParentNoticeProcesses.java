package org.independentstudy.reengagement;

import java.util.Date;

/** The engine side of a parent notice (REE-06): the process parent-notice, one instance per notice. */
public interface ParentNoticeProcesses {

    /** Starts the delivery of the notice at {@code sendAt}, watched by its deadline (the end of the next school day). */
    void start(Long caseId, Long noticeId, Date sendAt, Date dueAt);

    /** Every e-mail of the notice was taken by the mail server or given up; the delivery goes on. */
    void mailSettled(Long noticeId, boolean delivered, boolean lettersToPrint);
}
