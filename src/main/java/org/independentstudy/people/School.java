package org.independentstudy.people;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.List;

@Entity
public class School {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String lowestGrade;
    private String highestGrade;
    /** The OneRoster sourcedId of a school that came from the district's SIS (issue 12.6). */
    private String sourcedId;

    protected School() {
    }

    public School(String code, String name, String lowestGrade, String highestGrade) {
        this.code = code;
        this.name = name;
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
    }

    /** The SIS's values replace these (a roster import, issue 12.6). True if any value changed. */
    public boolean takeFromSis(String sourcedId, String code, String name, String lowestGrade, String highestGrade) {
        List<Object> before = sisValues();
        this.sourcedId = sourcedId;
        this.code = code;
        this.name = name;
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
        return !before.equals(sisValues());
    }

    private List<Object> sisValues() {
        return Arrays.asList(sourcedId, code, name, lowestGrade, highestGrade);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getLowestGrade() {
        return lowestGrade;
    }

    public String getHighestGrade() {
        return highestGrade;
    }

    public String getSourcedId() {
        return sourcedId;
    }
}
