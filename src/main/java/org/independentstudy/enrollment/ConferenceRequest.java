package org.independentstudy.enrollment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;

/** ENR-02: one pre-enrollment conference the parent asked for, pending until it is held or withdrawn. */
@Entity
@Table(name = "conference_request")
class ConferenceRequest {

    enum Outcome { HELD, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private LocalDate requestedOn;
    private boolean atIntake;
    @Enumerated(EnumType.STRING)
    private ConferenceModality modality;
    private boolean advocateRequested;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private LocalDate settledOn;

    protected ConferenceRequest() {
    }

    ConferenceRequest(Long caseId, LocalDate requestedOn, boolean atIntake, ConferenceModality modality,
                      boolean advocateRequested) {
        this.caseId = caseId;
        this.requestedOn = requestedOn;
        this.atIntake = atIntake;
        this.modality = modality;
        this.advocateRequested = advocateRequested;
    }

    void settle(Outcome how, LocalDate on) {
        if (outcome != null) {
            throw new IllegalStateException("The conference request " + id + " was already " + outcome);
        }
        this.outcome = how;
        this.settledOn = on;
    }

    Long getCaseId() {
        return caseId;
    }

    LocalDate getRequestedOn() {
        return requestedOn;
    }

    boolean isAdvocateRequested() {
        return advocateRequested;
    }
}
