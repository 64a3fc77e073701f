package org.independentstudy.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.records.PdfDocuments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The agreement as a family reads and prints it: one Thymeleaf template rendered to HTML (the signing page
 * shows it: {@link #renderHtml(Long)}) and, from the same HTML, to PDF (openhtmltopdf).
 */
@Service
public class AgreementDocument {

    private static final String TEMPLATE = "agreement/written-agreement";

    private final AgreementVersionRepository versions;
    private final AgreementSignatures signatures;
    private final ITemplateEngine templates;
    private final Clock clock;

    AgreementDocument(AgreementVersionRepository versions, AgreementSignatures signatures, ITemplateEngine templates,
                      Clock clock) {
        this.versions = versions;
        this.signatures = signatures;
        this.templates = templates;
        this.clock = clock;
    }

    /** A complete XHTML document of the exact version, with its signature block. */
    @Transactional(readOnly = true)
    public String renderHtml(Long agreementVersionId) {
        AgreementVersion version = versions.findById(agreementVersionId)
                .orElseThrow(() -> new NotFoundException("No agreement version " + agreementVersionId));
        List<RequiredSigner> required = signatures.requiredSigners(agreementVersionId, LocalDate.now(clock));
        Context context = new Context();
        context.setVariable("agreement", version.content());
        context.setVariable("version", version);
        context.setVariable("signatureLines",
                SignatureLine.of(required, signatures.signaturesOf(agreementVersionId), clock.getZone()));
        return templates.process(TEMPLATE, context);
    }

    public byte[] renderPdf(Long agreementVersionId) {
        return PdfDocuments.render(renderHtml(agreementVersionId), "The agreement");
    }

    /** One line of the signature block: a required signer and, once given, who signed when and how. */
    public record SignatureLine(SignerRole role, String name, String signed) {

        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

        static List<SignatureLine> of(List<RequiredSigner> required, List<AgreementSignature> given, ZoneId zone) {
            return required.stream().map(r -> given.stream()
                    .filter(s -> r.isSignedBy(s.getSignerRole(), s.getSignerIdentity())).findFirst()
                    .map(s -> new SignatureLine(r.role(), s.getSignerName(),
                            WHEN.format(s.getSignedAt().atZone(zone)) + " (" + s.howSigned() + ")"))
                    .orElse(new SignatureLine(r.role(), r.name(), "not yet signed"))).toList();
        }
    }
}
