package org.independentstudy.rosters;

import java.time.LocalDate;
import java.util.List;
import org.independentstudy.people.Address;
import org.independentstudy.people.Grade;
import org.independentstudy.people.Guardian.Relationship;
import org.independentstudy.people.StaffMember;

/**
 * What a OneRoster package says of the district, checked and cross-referenced: each record keeps the file and line
 * it came from, so that a conflict found against the stored records can name it too.
 */
record Roster(String version, String sourceSystem, List<School> schools, List<Student> students,
              List<Guardian> guardians, List<Staff> staff, List<String> notes) {

    /** The file and line a record was read from. */
    record Source(String file, int line) {
    }

    /** A school org; its grade span is that of its students in the package, null when it has none. */
    record School(String sourcedId, String code, String name, Grade lowestGrade, Grade highestGrade,
                  Source source) {
    }

    /** A student; {@code address} is null when the package has none ({@code metadata.*} columns). */
    record Student(String sourcedId, String studentNumber, String firstName, String lastName, LocalDate birthDate,
                   Grade grade, String email, Address address, String schoolSourcedId, Source source) {
    }

    /** A parent, guardian or relative, and the students they are an agent of. */
    record Guardian(String sourcedId, String fullName, Relationship relationship,
                    String email, String phone, List<String> studentSourcedIds, Source source) {
    }

    /** A staff member at a school, or at the district when {@code schoolSourcedId} is null. */
    record Staff(String sourcedId, String username, String fullName, String email, StaffMember.Role role,
                 String schoolSourcedId, Source source) {
    }
}
