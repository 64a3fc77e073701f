package org.independentstudy.people;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

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

    protected StaffMember() {
    }

    public StaffMember(String username, String fullName, String email, Role role, Long schoolId) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.role = role;
        this.schoolId = schoolId;
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
}
