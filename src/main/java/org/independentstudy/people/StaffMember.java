package org.independentstudy.people;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.List;

/** A district employee; {@code username} is the login in the engine's identity service. */
@Entity
public class StaffMember {

    public enum Role { COUNSELOR, TEACHER, PRINCIPAL, ANALYST, ADMIN, SPECIAL_EDUCATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String fullName;
    private String email;
    @Enumerated(EnumType.STRING)
    private Role role;
    private Long schoolId;
    /** The OneRoster sourcedId of a staff member who came from the district's SIS (issue 12.6). */
    private String sourcedId;

    protected StaffMember() {
    }

    public StaffMember(String username, String fullName, String email, Role role, Long schoolId) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.role = role;
        this.schoolId = schoolId;
    }

    /**
     * The SIS's values replace these (a roster import, issue 12.6); the username is the login and stays. True if any
     * value changed.
     */
    public boolean takeFromSis(String sourcedId, String fullName, String email, Role role, Long schoolId) {
        List<Object> before = sisValues();
        this.sourcedId = sourcedId;
        this.fullName = fullName;
        this.email = email;
        this.role = role;
        this.schoolId = schoolId;
        return !before.equals(sisValues());
    }

    private List<Object> sisValues() {
        return Arrays.asList(sourcedId, fullName, email, role, schoolId);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public String getSourcedId() {
        return sourcedId;
    }
}
