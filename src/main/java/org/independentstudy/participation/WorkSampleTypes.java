package org.independentstudy.participation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * ATT-09: what an uploaded work sample is, read from its content (magic numbers; for zip containers the entries
 * that make an office document), never from its name or the type the browser declares. PDF, images (PNG, JPEG,
 * GIF, WebP, HEIC) and office documents (Word, Excel, PowerPoint, legacy Office, OpenDocument) are accepted.
 */
public final class WorkSampleTypes {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF = "GIF8".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private WorkSampleTypes() {
    }

    /** The media type of the content, or empty when it is none of the accepted kinds. */
    public static Optional<String> detect(byte[] content) {
        if (startsWith(content, 0, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, 0, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, GIF)) {
            return Optional.of("image/gif");
        }
        if (startsWith(content, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && startsWith(content, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("image/webp");
        }
        if (startsWith(content, 4, "ftyp".getBytes(StandardCharsets.US_ASCII)) && content.length >= 12
                && Set.of("heic", "heix", "mif1", "msf1").contains(new String(content, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of("image/heic");
        }
        if (startsWith(content, 0, OLE2)) {
            return Optional.of("application/x-ole-storage"); // .doc, .xls, .ppt of Office 97-2003
        }
        if (startsWith(content, 0, ZIP)) {
            return officeDocument(content);
        }
        return Optional.empty();
    }

    private static Optional<String> officeDocument(byte[] content) {
        Set<String> entries = new HashSet<>();
        String odfType = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null && entries.size() < 2_000; ) {
                entries.add(entry.getName());
                if (entry.getName().equals("mimetype")) {
                    odfType = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a truncated or damaged archive is no document
        }
        if (odfType != null && odfType.startsWith("application/vnd.oasis.opendocument.")) {
            return Optional.of(odfType);
        }
        if (!entries.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (entries.stream().anyMatch(e -> e.startsWith("word/"))) {
            return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
        if (entries.stream().anyMatch(e -> e.startsWith("xl/"))) {
            return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        if (entries.stream().anyMatch(e -> e.startsWith("ppt/"))) {
            return Optional.of("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, byte[] magic) {
        return content.length >= offset + magic.length
                && Arrays.equals(content, offset, offset + magic.length, magic, 0, magic.length);
    }
}
