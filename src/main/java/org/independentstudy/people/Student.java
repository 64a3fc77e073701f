package org.independentstudy.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

@Entity
public class Student {

    public static final int AGE_OF_MAJORITY = 18;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String studentNumber;
    private String firstName;
    private String lastName;
    private LocalDate birthDate;
    private String grade;
    private String street;
    private String city;
    private String postalCode;
    private Long schoolId;
    @Column(name = "has_iep")
    private boolean iep;
    @Column(name = "has_504_plan")
    private boolean section504Plan;
    private boolean englishLearner;
    private boolean fosterYouth;
    private boolean homeless;
    /** Temporarily disabled, receiving home/hospital instruction under EC 48206.3 (ENR-09). */
    private boolean homeHospital;
    /** The district e-mail address (ATT-01 matches participant reports by it). */
    private String email;
    /** The OneRoster sourcedId of a student that came from the district's SIS (issue 12.6). */
    private String sourcedId;

    protected Student() {
    }

    public Student(String studentNumber, String firstName, String lastName, LocalDate birthDate, Grade grade,
                   Address address, Long schoolId) {
        this.studentNumber = studentNumber;
        this.firstName = firstName;
        this.lastName = lastName;
        this.birthDate = birthDate;
        this.grade = grade.code();
        this.street = address.street();
        this.city = address.city();
        this.postalCode = address.postalCode();
        this.schoolId = schoolId;
    }

    public Student withNeeds(boolean iep, boolean section504Plan, boolean englishLearner, boolean fosterYouth,
                             boolean homeless, boolean homeHospital) {
        this.iep = iep;
        this.section504Plan = section504Plan;
        this.englishLearner = englishLearner;
        this.fosterYouth = fosterYouth;
        this.homeless = homeless;
        this.homeHospital = homeHospital;
        return this;
    }

    /**
     * The SIS's values replace these (a roster import, issue 12.6); the address only where the SIS gave one, the
     * needs never (OneRoster does not carry them). True if any value changed.
     */
    public boolean takeFromSis(String sourcedId, String studentNumber, String firstName, String lastName,
                               LocalDate birthDate, Grade grade, String email, Address address, Long schoolId) {
        List<Object> before = sisValues();
        this.sourcedId = sourcedId;
        this.studentNumber = studentNumber;
        this.firstName = firstName;
        this.lastName = lastName;
        this.birthDate = birthDate;
        this.grade = grade.code();
        this.email = email;
        if (address != null) {
            this.street = address.street();
            this.city = address.city();
            this.postalCode = address.postalCode();
        }
        this.schoolId = schoolId;
        return !before.equals(sisValues());
    }

    private List<Object> sisValues() {
        return Arrays.asList(sourcedId, studentNumber, firstName, lastName, birthDate, grade, email, street, city,
                postalCode, schoolId);
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** ENR-01, AGR-06: a student of 18 or older on that date acts for themself. */
    public boolean isAdultOn(LocalDate date) {
        return ageOn(date) >= AGE_OF_MAJORITY;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public Long getId() {
        return id;
    }

    public String getStudentNumber() {
        return studentNumber;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Grade getGrade() {
        return Grade.of(grade);
    }

    public Address getAddress() {
        return new Address(street, city, postalCode);
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public String getEmail() {
        return email;
    }

    public String getSourcedId() {
        return sourcedId;
    }

    public boolean hasIep() {
        return iep;
    }

    public boolean hasSection504Plan() {
        return section504Plan;
    }

    public boolean isEnglishLearner() {
        return englishLearner;
    }

    public boolean isFosterYouth() {
        return fosterYouth;
    }

    public boolean isHomeless() {
        return homeless;
    }

    public boolean receivesHomeHospitalInstruction() {
        return homeHospital;
    }
}
