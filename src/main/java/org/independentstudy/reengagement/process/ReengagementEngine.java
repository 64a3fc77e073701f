package org.independentstudy.reengagement.process;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.process.ProcessMessages;
import org.independentstudy.reengagement.ParentNoticeProcesses;
import org.independentstudy.reengagement.ReengagementProcesses;
import org.springframework.stereotype.Component;

/** The engine side of re-engagements (tiered-reengagement) and parent notices (parent-notice). */
@Component
class ReengagementEngine implements ReengagementProcesses, ParentNoticeProcesses {

    static final String REENGAGEMENT_PROCESS = "tiered-reengagement";
    static final String NOTICE_PROCESS = "parent-notice";
    static final String REENGAGEMENT_ID = "reengagementId";
    static final String NOTICE_ID = "noticeId";
    static final String WITHDRAWN = "ReengagementWithdrawn";
    static final String NOTICE_MAIL_SETTLED = "ParentNoticeMailSettled";

    private final RuntimeService runtime;

    ReengagementEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(Long caseId, Long reengagementId) {
        runtime.startProcessInstanceByKey(REENGAGEMENT_PROCESS, caseId.toString(),
                Map.of(CaseVariables.CASE_ID, caseId, REENGAGEMENT_ID, reengagementId));
    }

    @Override
    public void withdraw(Long reengagementId) {
        ProcessInstance instance = instanceOf(reengagementId);
        if (instance != null) {
            runtime.createMessageCorrelation(WITHDRAWN).processInstanceId(instance.getId()).correlate();
        }
    }

    @Override
    public void cancel(Long reengagementId, String reason) {
        ProcessInstance instance = instanceOf(reengagementId);
        if (instance != null) {
            runtime.deleteProcessInstance(instance.getId(), reason, false, true);
        }
    }

    @Override
    public void start(Long caseId, Long noticeId, Date sendAt, Date dueAt) {
        runtime.startProcessInstanceByKey(NOTICE_PROCESS, caseId.toString(), Map.of(CaseVariables.CASE_ID, caseId,
                NOTICE_ID, noticeId, "noticeSendAt", sendAt, "noticeDueAt", dueAt));
    }

    @Override
    public void mailSettled(Long noticeId, boolean delivered, boolean lettersToPrint) {
        ProcessMessages.deliver(runtime.createMessageCorrelation(NOTICE_MAIL_SETTLED)
                .processInstanceVariableEquals(NOTICE_ID, noticeId)
                .setVariable("noticeDelivered", delivered).setVariable("noticeLettersToPrint", lettersToPrint));
    }

    private ProcessInstance instanceOf(Long reengagementId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(REENGAGEMENT_PROCESS)
                .variableValueEquals(REENGAGEMENT_ID, reengagementId).singleResult();
    }
}
