package org.independentstudy.people;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A teaching credential of a staff member; AGR-11 and REC-05 read it. */
@Entity
public class Credential {

    public enum Type {
        /** A valid certification document, EC 44865. */
        CERTIFICATION_DOCUMENT,
        /** An emergency credential, EC 44300. */
        EMERGENCY_CREDENTIAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long staffId;
    @Enumerated(EnumType.STRING)
    private Type credentialType;
    private String documentNumber;
    private String subjectAuthorizations;
    private LocalDate issuedOn;
    private LocalDate expiresOn;

    protected Credential() {
    }

    public Credential(Long staffId, Type type, String documentNumber, Set<String> subjects, LocalDate issuedOn,
                      LocalDate expiresOn) {
        this.staffId = staffId;
        this.credentialType = type;
        this.documentNumber = documentNumber;
        this.subjectAuthorizations = String.join(",", subjects);
        this.issuedOn = issuedOn;
        this.expiresOn = expiresOn;
    }

    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(issuedOn) && !date.isAfter(expiresOn);
    }

    public boolean authorizesSubject(String subject) {
        return getSubjectAuthorizations().stream().anyMatch(s -> s.equalsIgnoreCase(subject));
    }

    public Set<String> getSubjectAuthorizations() {
        return Arrays.stream(subjectAuthorizations.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public Long getId() {
        return id;
    }

    public Long getStaffId() {
        return staffId;
    }

    public Type getCredentialType() {
        return credentialType;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }
}
