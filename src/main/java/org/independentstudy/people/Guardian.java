package org.independentstudy.people;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.List;

/** A parent, legal guardian or caregiver (Family Code 6550-6552) of a student. */
@Entity
public class Guardian {

    public enum Relationship { PARENT, GUARDIAN, CAREGIVER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long studentId;
    private String fullName;
    @Enumerated(EnumType.STRING)
    private Relationship relationship;
    private String email;
    private String phone;
    private String street;
    private String city;
    private String postalCode;
    /** The OneRoster sourcedId of a guardian that came from the district's SIS (issue 12.6). */
    private String sourcedId;

    protected Guardian() {
    }

    public Guardian(Long studentId, String fullName, Relationship relationship, String email, String phone,
                    Address address) {
        this.studentId = studentId;
        this.fullName = fullName;
        this.relationship = relationship;
        this.email = email;
        this.phone = phone;
        this.street = address.street();
        this.city = address.city();
        this.postalCode = address.postalCode();
    }

    /** The SIS's values replace these (a roster import, issue 12.6). True if any value changed. */
    public boolean takeFromSis(String sourcedId, String fullName, Relationship relationship, String email,
                               String phone) {
        List<Object> before = sisValues();
        this.sourcedId = sourcedId;
        this.fullName = fullName;
        this.relationship = relationship;
        this.email = email;
        this.phone = phone;
        return !before.equals(sisValues());
    }

    private List<Object> sisValues() {
        return Arrays.asList(sourcedId, fullName, relationship, email, phone);
    }

    public Long getId() {
        return id;
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getFullName() {
        return fullName;
    }

    public Relationship getRelationship() {
        return relationship;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Address getAddress() {
        return new Address(street, city, postalCode);
    }

    public String getSourcedId() {
        return sourcedId;
    }
}
