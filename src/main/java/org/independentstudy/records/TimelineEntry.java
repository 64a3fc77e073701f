package org.independentstudy.records;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One step or decision on a case: what, who, when, under which rule and policy version (REC-07: append-only). */
@Entity
@Immutable
@Table(name = "case_timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private Instant recordedAt;
    private String actor;
    private String step;
    private String description;
    private String ruleId;
    private String policyCode;

    protected TimelineEntry() {
    }

    TimelineEntry(Long caseId, Instant recordedAt, String actor, CaseEvent event) {
        this.caseId = caseId;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.step = event.step();
        this.description = event.description();
        this.ruleId = event.ruleId();
        this.policyCode = event.policyCode();
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getStep() {
        return step;
    }

    public String getDescription() {
        return description;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getPolicyCode() {
        return policyCode;
    }
}
