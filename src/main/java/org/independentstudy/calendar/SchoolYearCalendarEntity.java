package org.independentstudy.calendar;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A stored school-year calendar (CAL-01) with where it came from and who imported it when. */
@Entity
@Table(name = "school_year_calendar")
public class SchoolYearCalendarEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "school_year", nullable = false, unique = true, length = 7)
    private String schoolYear;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    @Column(name = "second_semester_first_day", nullable = false)
    private LocalDate secondSemesterFirstDay;

    @Column(name = "source", nullable = false)
    private String source;

    @Column(name = "imported_at", nullable = false)
    private OffsetDateTime importedAt;

    @Column(name = "imported_by", nullable = false, length = 100)
    private String importedBy;

    @OneToMany(mappedBy = "calendar", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("date")
    private List<NonInstructionalDayEntity> nonInstructionalDays = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT) // a second query, not a join that would repeat the non-instructional days
    @CollectionTable(name = "school_month_start", joinColumns = @JoinColumn(name = "calendar_id"))
    @Column(name = "start_date")
    private Set<LocalDate> schoolMonthStarts = new HashSet<>();

    protected SchoolYearCalendarEntity() {
        // for JPA
    }

    public SchoolYearCalendarEntity(SchoolYearCalendar calendar, String source, OffsetDateTime importedAt,
                                    String importedBy) {
        this.schoolYear = calendar.schoolYear();
        this.firstDay = calendar.firstDay();
        this.lastDay = calendar.lastDay();
        this.secondSemesterFirstDay = calendar.secondSemesterFirstDay();
        this.source = source;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
        calendar.nonInstructionalDays().forEach(day -> nonInstructionalDays.add(new NonInstructionalDayEntity(this, day)));
        schoolMonthStarts.addAll(calendar.schoolMonthStarts());
    }

    public SchoolYearCalendar toCalendar() {
        return new SchoolYearCalendar(schoolYear, firstDay, lastDay, secondSemesterFirstDay,
                nonInstructionalDays.stream().map(NonInstructionalDayEntity::toDay).toList(), List.copyOf(schoolMonthStarts));
    }

    public Long getId() {
        return id;
    }

    public String getSchoolYear() {
        return schoolYear;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public String getSource() {
        return source;
    }

    public OffsetDateTime getImportedAt() {
        return importedAt;
    }

    public String getImportedBy() {
        return importedBy;
    }
}
