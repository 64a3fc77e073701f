package org.independentstudy.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as spreadsheets read it (RFC 4180, UTF-8 with a byte-order mark so Excel picks the encoding). A cell a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is written with a
 * leading apostrophe, so an exported name like "=HYPERLINK(...)" stays text (CSV injection, OWASP).
 */
public final class CsvTable {

    private static final String BOM = "\uFEFF";

    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    public CsvTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** The rows of a query as it returned them, columns in its order. */
    public static CsvTable of(List<String> header, List<Map<String, Object>> rows) {
        CsvTable table = new CsvTable(header);
        for (Map<String, Object> row : rows) {
            table.add(new ArrayList<>(row.values()));
        }
        return table;
    }

    public CsvTable add(List<?> row) {
        rows.add(new ArrayList<>(row));
        return this;
    }

    public int size() {
        return rows.size();
    }

    public byte[] bytes() {
        StringBuilder out = new StringBuilder(BOM);
        line(out, new ArrayList<>(header));
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One cell: formula-looking text defused, then quoted where it holds a comma, quote or line break. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof java.sql.Timestamp time ? time.toInstant().toString() : value.toString();
        if (!text.isEmpty() && !(value instanceof Number) && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
