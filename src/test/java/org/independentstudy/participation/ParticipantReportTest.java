package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.participation.ParticipantReport.Attendance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ParticipantReportTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 2);

    @Test
    @DisplayName("ATT-01 a Zoom participants export: overlapping rejoins count once, quoted names and upper-case e-mails are read, a guest without e-mail is no attendance; the session ran first join to last leave")
    void zoomParticipants() throws IOException {
        ParticipantReport report = ParticipantReport.parse(read("zoom-participants.csv"));

        assertThat(report.format()).isEqualTo(ParticipantReport.Format.ZOOM);
        assertThat(report.attendance()).extracting(Attendance::email, Attendance::day, Attendance::minutes)
                .containsExactly(tuple("mbell@district.example", DAY, 63),
                        tuple("ana.lopez@students.district.example", DAY, 50),
                        tuple("ben.okafor@students.district.example", DAY, 40));
        assertThat(report.attendance().get(2).name()).isEqualTo("Ben \"BJ\" Okafor");
        assertThat(report.sessionMinutes()).containsExactly(org.assertj.core.api.Assertions.entry(DAY, 63));
    }

    @Test
    @DisplayName("ATT-01 a Teams attendance report (UTF-16 with BOM, tab-separated, a summary before the participants) gives each participant's in-meeting time")
    void teamsAttendanceReport() throws IOException {
        ParticipantReport report = ParticipantReport.parse(read("teams-attendance-report.csv"));

        assertThat(report.format()).isEqualTo(ParticipantReport.Format.TEAMS);
        assertThat(report.attendance()).extracting(Attendance::email, Attendance::minutes)
                .containsExactly(tuple("mbell@district.example", 63), tuple("ana.lopez@students.district.example", 50),
                        tuple("ben.okafor@students.district.example", 40));
        assertThat(report.sessionMinutes()).containsEntry(DAY, 63);
    }

    @Test
    @DisplayName("ATT-01 a file that is no participant report, a row leaving before it joins, or a time in no known format is refused, naming the file or the line")
    void unreadableReports() {
        assertThatThrownBy(() -> ParticipantReport.parse("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("file"));
        String header = "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest\n";
        assertThatThrownBy(() -> ParticipantReport.parse((header + "Ana,ana@x.org,03/02/2027 09:30:00 AM,"
                + "03/02/2027 09:00:00 AM,0,No\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("line 2"));
        assertThatThrownBy(() -> ParticipantReport.parse((header + "Ana,ana@x.org,yesterday,today,0,No\n")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("line 2"));
    }

    private static byte[] read(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/participation-reports", name));
    }
}
