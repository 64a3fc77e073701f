package org.independentstudy.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored non-instructional weekday of a school-year calendar (CAL-01). */
@Entity
@Table(name = "non_instructional_day")
public class NonInstructionalDayEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "calendar_id", nullable = false)
    private SchoolYearCalendarEntity calendar;

    @Column(name = "calendar_date", nullable = false)
    private LocalDate date;

    // a plain varchar on every database (Hibernate would otherwise expect H2's native enum type)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", nullable = false, length = 20)
    private NonInstructionalDayKind kind;

    @Column(name = "description", nullable = false)
    private String description;

    protected NonInstructionalDayEntity() {
        // for JPA
    }

    NonInstructionalDayEntity(SchoolYearCalendarEntity calendar, NonInstructionalDay day) {
        this.calendar = calendar;
        this.date = day.date();
        this.kind = day.kind();
        this.description = day.description();
    }

    NonInstructionalDay toDay() {
        return new NonInstructionalDay(date, kind, description);
    }
}
