package org.independentstudy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    @DisplayName("REC-03 CSV exports defuse cells a spreadsheet would run as formulas (=, +, -, @, tab, CR); numbers stay numbers")
    void formulaCellsAreText() {
        assertThat(CsvTable.cell("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(Arrays.stream(new String[] {"+1", "-1+2", "@SUM(A1)", "\tx", "\rx"}).map(CsvTable::cell))
                .allSatisfy(c -> assertThat(c).matches("(?s)\"?'.*"));
        assertThat(CsvTable.cell(-5)).isEqualTo("-5");
        assertThat(CsvTable.cell("Lucas Brown")).isEqualTo("Lucas Brown");
    }

    @Test
    @DisplayName("REC-03 CSV: a header line, quoted commas, quotes and line breaks, UTF-8 with a byte-order mark, CRLF lines")
    void rfc4180() {
        byte[] bytes = new CsvTable(List.of("name", "note")).add(List.of("Brown, Lucas", "said \"hi\"\nthen left"))
                .bytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFname,note\r\n\"Brown, Lucas\",\"said \"\"hi\"\"\nthen left\"\r\n");
    }
}
