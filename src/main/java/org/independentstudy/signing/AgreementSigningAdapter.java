package org.independentstudy.signing;

import java.time.Clock;
import java.time.LocalDate;
import org.independentstudy.agreement.AgreementContent;
import org.independentstudy.agreement.AgreementDocument;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.AgreementVersionRepository;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.agreement.SignerRole;
import org.independentstudy.agreement.WrittenAgreement;
import org.independentstudy.people.StudentRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The family signing link over the agreement domain: its family signers, its rendering, its signatures. */
@Component
class AgreementSigningAdapter implements AgreementsForFamilySigning {

    private final AgreementSignatures signatures;
    private final AgreementDocument document;
    private final AgreementDrafting drafting;
    private final AgreementVersionRepository versions;
    private final StudentRepository students;
    private final Clock clock;

    AgreementSigningAdapter(AgreementSignatures signatures, AgreementDocument document, AgreementDrafting drafting,
                            AgreementVersionRepository versions, StudentRepository students, Clock clock) {
        this.signatures = signatures;
        this.document = document;
        this.drafting = drafting;
        this.versions = versions;
        this.students = students;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public SignatureRequest signatureRequest(Long agreementVersionId) {
        AgreementContent content = versions.findById(agreementVersionId).orElseThrow().content();
        WrittenAgreement agreement = drafting.agreementOfVersion(agreementVersionId);
        // AGR-07: the version's deadline, moved by a principal's decision to revise or to keep waiting
        LocalDate lastDayToSign = drafting.signatureDeadlineOf(agreementVersionId).lastDayToSign();
        String firstName = students.findById(content.student().studentId()).orElseThrow().getFirstName();
        return new SignatureRequest(agreement.getCaseId(), agreement.getId(), agreementVersionId, firstName,
                lastDayToSign, content.longTerm(), signatures.requiredSigners(agreementVersionId, LocalDate.now(clock)).stream()
                        .filter(signer -> signer.role().isFamily())
                        .map(signer -> new FamilySigner(signer.role().name(), signer.identity(), signer.name(),
                                signer.email()))
                        .toList());
    }

    @Override
    public String renderHtml(Long agreementVersionId) {
        return document.renderHtml(agreementVersionId);
    }

    @Override
    public LinkSignatureOutcome signByLink(Long agreementVersionId, String signerRole, String signerIdentity) {
        return switch (signatures.sign(agreementVersionId, SignerRole.valueOf(signerRole), signerIdentity,
                SignatureMethod.EMAIL_LINK)) {
            case SIGNED -> LinkSignatureOutcome.SIGNED;
            case ALREADY_SIGNED -> LinkSignatureOutcome.ALREADY_SIGNED;
            case VERSION_SUPERSEDED, NOT_A_REQUIRED_SIGNER -> LinkSignatureOutcome.NO_LONGER_REQUESTED;
        };
    }
}
