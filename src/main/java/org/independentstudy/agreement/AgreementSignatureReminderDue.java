package org.independentstudy.agreement;

import java.util.List;

/**
 * AGR-07: published after commit when the signature deadline is near and parties have not signed; listeners
 * remind {@code unsignedSigners} (family members: a fresh signing link).
 */
public record AgreementSignatureReminderDue(Long agreementVersionId, List<RequiredSigner> unsignedSigners) {
}
