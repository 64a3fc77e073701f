package org.independentstudy.rosters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A OneRoster CSV package as a SIS exports it: a zip of CSV files (at its root or in one folder) with manifest.csv,
 * which names the OneRoster version and says of each file whether the package holds all of its rows (bulk), only
 * changes (delta) or none (absent). Only bulk packages are imported: a delta leaves out what did not change, and
 * this import checks every reference against the package itself.
 */
final class OneRosterPackage {

    /** What a package may unzip to at most: far above a large district's roster, far below a zip bomb's. */
    static final long MOST_UNZIPPED_BYTES = 256L * 1024 * 1024;
    static final String MANIFEST = "manifest.csv";
    /** The files this import reads; the others (classes, courses, results...) are left unread. */
    static final Set<String> READ = Set.of("orgs.csv", "users.csv", "roles.csv", "demographics.csv",
            "enrollments.csv");
    private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");

    private final String fileName;
    private final Map<String, byte[]> files;
    private final String version;
    private final String sourceSystem;

    private OneRosterPackage(String fileName, Map<String, byte[]> files, String version, String sourceSystem) {
        this.fileName = fileName;
        this.files = files;
        this.version = version;
        this.sourceSystem = sourceSystem;
    }

    static OneRosterPackage read(String fileName, byte[] zip) {
        String name = fileName == null || fileName.isBlank() ? "the upload" : fileName;
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K' || zip[2] != 3 || zip[3] != 4) {
            throw RosterProblems.fatal(name, "not a zip file; a OneRoster CSV package is a zip of orgs.csv, "
                    + "users.csv, demographics.csv... with manifest.csv");
        }
        Map<String, byte[]> files = unzip(name, zip);
        RosterProblems problems = new RosterProblems();
        String version = null;
        String sourceSystem = null;
        byte[] manifest = files.remove(MANIFEST);
        if (manifest != null) {
            RosterCsv csv = RosterCsv.parse(MANIFEST, manifest, problems);
            if (csv.requireColumns(problems, "propertyName", "value")) {
                for (RosterCsv.Row row : csv.rows()) {
                    String property = row.get("propertyName");
                    String value = row.get("value");
                    if (property.equals("oneroster.version")) {
                        version = value;
                        if (!VERSIONS.contains(value)) {
                            problems.add(row, "value", "OneRoster version '" + value + "' is not one this import "
                                    + "reads (1.0, 1.1, 1.2)");
                        }
                    } else if (property.equals("source.systemName")) {
                        sourceSystem = value.isEmpty() ? null : value;
                    } else if (property.startsWith("file.")) {
                        checkFileMode(files, row, property.substring("file.".length()) + ".csv", value, problems);
                    }
                }
            }
        }
        for (String required : new String[] {"orgs.csv", "users.csv"}) {
            if (!files.containsKey(required)) {
                problems.add(name, null, null, "the package has no " + required);
            }
        }
        problems.throwIfAny();
        return new OneRosterPackage(name, files, version, sourceSystem);
    }

    private static void checkFileMode(Map<String, byte[]> files, RosterCsv.Row row, String file, String mode,
                                      RosterProblems problems) {
        if (!READ.contains(file)) {
            return;
        }
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "bulk" -> {
                if (!files.containsKey(file)) {
                    problems.add(row, "value", "the manifest says " + file + " is bulk, but the package has no "
                            + file);
                }
            }
            case "absent" -> files.remove(file);
            case "delta" -> problems.add(row, "value", file + " is a delta file; export the roster in bulk "
                    + "(all rows): each import checks every reference against the package itself");
            default -> problems.add(row, "value", "'" + mode + "' is not a file mode (bulk, delta, absent)");
        }
    }

    /** The CSV files of the zip by their name in lower case, folders stripped; macOS's resource forks left out. */
    private static Map<String, byte[]> unzip(String name, byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String path = entry.getName();
                String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || file.startsWith("._")
                        || !(READ.contains(file) || file.equals(MANIFEST))) {
                    continue;
                }
                byte[] content = readAtMost(in, MOST_UNZIPPED_BYTES - total, name);
                total += content.length;
                if (files.put(file, content) != null) {
                    throw RosterProblems.fatal(name, "the zip holds " + file + " twice");
                }
            }
        } catch (IOException e) {
            throw RosterProblems.fatal(name, "the zip cannot be read: " + e.getMessage());
        }
        if (!endsWithDirectory(zip)) {
            throw RosterProblems.fatal(name, "the zip is cut short (its directory at the end is missing); download "
                    + "the export again");
        }
        return files;
    }

    /**
     * Issue 13.6: a complete zip ends with its directory's end record (signature PK 5 6, at most 64 KB of comment
     * after it); reading entries one by one would take a zip cut short for whole.
     */
    private static boolean endsWithDirectory(byte[] zip) {
        int endRecord = 22;
        for (int at = zip.length - endRecord; at >= 0 && at >= zip.length - endRecord - 0xFFFF; at--) {
            if (zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 5 && zip[at + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readAtMost(InputStream in, long most, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > most) {
                throw RosterProblems.fatal(name, "the zip unpacks to more than "
                        + MOST_UNZIPPED_BYTES / (1024 * 1024) + " MB");
            }
        }
        return out.toByteArray();
    }

    String fileName() {
        return fileName;
    }

    /** The version the manifest names; null when the package has no manifest. */
    String version() {
        return version;
    }

    String sourceSystem() {
        return sourceSystem;
    }

    Optional<RosterCsv> csv(String file, RosterProblems problems) {
        return Optional.ofNullable(files.get(file)).map(content -> RosterCsv.parse(file, content, problems));
    }
}
