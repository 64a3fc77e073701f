package org.independentstudy.rosters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV file of a OneRoster package as SIS products write it: RFC 4180 (quoted fields holding commas, doubled
 * quotes and line breaks), UTF-8 with or without a byte-order mark, CRLF or LF line ends. Columns are found by their
 * header name in any order and any case; columns nobody asks for (a newer version's, {@code metadata.*}) are ignored.
 * A row's line is the line it starts on, as an editor numbers it (the header is line 1).
 */
final class RosterCsv {

    /** A data row; a column the file does not have reads as empty. */
    record Row(RosterCsv csv, int line, List<String> values) {

        String file() {
            return csv.name;
        }

        String get(String column) {
            Integer index = csv.columns.get(column.toLowerCase(Locale.ROOT));
            return index == null ? "" : values.get(index).strip();
        }

        /** A comma-separated list inside one field, e.g. {@code "org-1,org-2"}. */
        List<String> list(String column) {
            return Arrays.stream(get(column).split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }

        /** OneRoster 1.1 bulk files leave status empty; only {@code tobedeleted} takes a row out. */
        boolean toBeDeleted() {
            return get("status").equalsIgnoreCase("tobedeleted");
        }
    }

    private record Line(int number, List<String> fields) {
    }

    private final String name;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    private RosterCsv(String name) {
        this.name = name;
    }

    /** Reads the file; malformed rows are reported to {@code problems} and left out. */
    static RosterCsv parse(String name, byte[] content, RosterProblems problems) {
        RosterCsv csv = new RosterCsv(name);
        String text = new String(content, StandardCharsets.UTF_8);
        List<Line> lines = csv.lines(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        if (lines.isEmpty()) {
            problems.add(name, null, null, "the file is empty; expected a header line");
            return csv;
        }
        List<String> header = lines.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            if (csv.columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i) != null) {
                problems.add(name, 1, header.get(i).strip(), "the column appears twice in the header");
            }
        }
        for (Line line : lines.subList(1, lines.size())) {
            if (line.fields().size() != header.size()) {
                problems.add(name, line.number(), null, "has " + line.fields().size() + " fields, the header "
                        + header.size() + " (an unquoted comma?)");
            } else {
                csv.rows.add(new Row(csv, line.number(), line.fields()));
            }
        }
        return csv;
    }

    String name() {
        return name;
    }

    List<Row> rows() {
        return rows;
    }

    boolean has(String column) {
        return columns.containsKey(column.toLowerCase(Locale.ROOT));
    }

    /** Reports each of {@code required} the header lacks; true if it has them all. */
    boolean requireColumns(RosterProblems problems, String... required) {
        boolean all = true;
        for (String column : required) {
            if (!has(column)) {
                problems.add(name, 1, column, "the header has no column " + column);
                all = false;
            }
        }
        return all;
    }

    /** The records of the text, blank lines left out, each with the line it starts on. */
    private List<Line> lines(String text, RosterProblems problems) {
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                    line += lineBreak ? 1 : 0;
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (lineBreak) {
                fields.add(field.toString());
                field.setLength(0);
                addUnlessBlank(lines, recordLine, fields);
                fields = new ArrayList<>();
                recordLine = ++line;
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (quoted) {
            problems.add(name, recordLine, null, "a quoted field is never closed");
            return lines;
        }
        fields.add(field.toString());
        addUnlessBlank(lines, recordLine, fields);
        return lines;
    }

    private static void addUnlessBlank(List<Line> lines, int number, List<String> fields) {
        if (fields.size() > 1 || !fields.get(0).isBlank()) {
            lines.add(new Line(number, fields));
        }
    }
}
