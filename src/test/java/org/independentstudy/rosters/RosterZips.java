package org.independentstudy.rosters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The OneRoster packages of src/test/resources/rosters, and changed copies of them. */
final class RosterZips {

    /** As Aeries exports OneRoster 1.1: files at the root, UTF-8 with BOM, CRLF, classes and courses too. */
    static final String AERIES_1_1 = "rosters/aeries-oneroster-1.1.zip";
    /** OneRoster 1.2 in a folder: roles.csv, GUIDs, every field quoted, metadata.* extension columns. */
    static final String ONEROSTER_1_2 = "rosters/oneroster-1.2.zip";

    private RosterZips() {
    }

    static byte[] resource(String path) {
        try (InputStream in = RosterZips.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package with {@code from} replaced by {@code to} in the file named {@code file} (which must hold it). */
    static byte[] changed(byte[] zip, String file, String from, String to) {
        Map<String, String> entries = entries(zip);
        String name = entries.keySet().stream().filter(n -> n.endsWith(file)).findFirst().orElseThrow();
        assertThat(entries.get(name)).as("the text to change in " + file).contains(from);
        entries.put(name, entries.get(name).replace(from, to));
        return zip(entries);
    }

    static Map<String, String> entries(byte[] zip) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A package of the given files, each written as a SIS writes it: BOM, CRLF. */
    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Lines joined as a SIS writes them: a byte-order mark first, CRLF after each. */
    static String csv(String... lines) {
        return "\uFEFF" + String.join("\r\n", lines) + "\r\n";
    }
}
