package org.independentstudy.cases.process;

import static org.independentstudy.process.CaseVariables.caseIdOf;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.cases.FamilyContacts;
import org.springframework.stereotype.Component;

/** ENR-02: the family's contacts and meeting preference, shown on the scheduling task's form as it is created. */
@Component("familyContactsOnTask")
class FamilyContactsOnTask implements TaskListener {

    private final FamilyContacts contacts;

    FamilyContactsOnTask(FamilyContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal("familyContacts", contacts.forScheduling(caseIdOf(task.getExecution())));
    }
}
