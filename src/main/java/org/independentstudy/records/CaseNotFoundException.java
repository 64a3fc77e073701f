package org.independentstudy.records;

import org.independentstudy.errors.NotFoundException;

public class CaseNotFoundException extends NotFoundException {

    public CaseNotFoundException(Long caseId) {
        super("No independent-study case with id " + caseId);
    }
}
