package org.independentstudy.records;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One placement of a student in independent study, from the family's request to the closed case. */
@Entity
@Table(name = "is_case")
public class IndependentStudyCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long studentId;
    private Long schoolId;
    @Enumerated(EnumType.STRING)
    private CasePhase phase;
    private String processInstanceId;
    private Instant openedAt;
    private String openedBy;
    private Instant closedAt;
    private String closingReason;
    @Version
    private long version;

    protected IndependentStudyCase() {
    }

    IndependentStudyCase(Long studentId, Long schoolId, Instant openedAt, String openedBy) {
        this.studentId = studentId;
        this.schoolId = schoolId;
        this.phase = CasePhase.PRE_ENROLLMENT;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
    }

    void moveTo(CasePhase next) {
        if (isClosed()) {
            throw new IllegalStateException("Case " + id + " is closed (" + phase + ")");
        }
        this.phase = next;
    }

    void close(CasePhase finalPhase, String reason, Instant at) {
        moveTo(finalPhase);
        this.closingReason = reason;
        this.closedAt = at;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Long getId() {
        return id;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public CasePhase getPhase() {
        return phase;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosingReason() {
        return closingReason;
    }
}
