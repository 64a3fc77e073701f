package org.independentstudy.people;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class School {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String lowestGrade;
    private String highestGrade;

    protected School() {
    }

    public School(String code, String name, String lowestGrade, String highestGrade) {
        this.code = code;
        this.name = name;
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
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
}
