package org.independentstudy.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.independentstudy.enrollment.Placement;

/**
 * The written agreement of one placement (AGR-01), or a supplement referencing the master (AGR-12). It keeps
 * the placement terms it was drafted for; its text lives in {@link AgreementVersion}s.
 */
@Entity
@Immutable
@Table(name = "written_agreement")
public class WrittenAgreement {

    public enum Kind { MASTER, SUPPLEMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Kind kind;
    private Long masterAgreementId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Placement.Program program;
    private boolean longTerm;
    private LocalDate placementStart;
    private LocalDate placementEnd;
    private String policyCode;
    @Column(name = "section_504_plan_reference")
    private String section504PlanReference;
    private boolean suspendedOrExpelledReferral;
    private boolean classroomAlternativeOffered;
    private Instant createdAt;
    private String createdBy;

    protected WrittenAgreement() {
    }

    WrittenAgreement(Placement placement, Long masterAgreementId, Instant createdAt, String createdBy) {
        this.caseId = placement.caseId();
        this.kind = masterAgreementId == null ? Kind.MASTER : Kind.SUPPLEMENT;
        this.masterAgreementId = masterAgreementId;
        this.program = placement.program();
        this.longTerm = placement.longTerm();
        this.placementStart = placement.startDate();
        this.placementEnd = placement.projectedEndDate();
        this.policyCode = placement.policyCode();
        this.section504PlanReference = placement.section504PlanReference();
        this.suspendedOrExpelledReferral = placement.suspendedOrExpelledReferral();
        this.classroomAlternativeOffered = placement.classroomAlternativeOffered();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getMasterAgreementId() {
        return masterAgreementId;
    }

    public Placement.Program getProgram() {
        return program;
    }

    public boolean isLongTerm() {
        return longTerm;
    }

    public LocalDate getPlacementStart() {
        return placementStart;
    }

    public LocalDate getPlacementEnd() {
        return placementEnd;
    }

    public String getPolicyCode() {
        return policyCode;
    }

    public String getSection504PlanReference() {
        return section504PlanReference;
    }

    public boolean isSuspendedOrExpelledReferral() {
        return suspendedOrExpelledReferral;
    }

    public boolean isClassroomAlternativeOffered() {
        return classroomAlternativeOffered;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
