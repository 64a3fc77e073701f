package org.independentstudy.participation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.independentstudy.records.PdfDocuments;

/** Real files of each kind a teacher uploads, made in the test: a PDF, images, office documents. */
final class WorkSampleFiles {

    private WorkSampleFiles() {
    }

    static byte[] pdf() {
        return PdfDocuments.render("<html><body><p>My essay on the water cycle</p></body></html>", "A test essay");
    }

    static byte[] image(String format) {
        BufferedImage drawing = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        drawing.setRGB(5, 5, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(drawing, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An Office Open XML document: the part list and the main part of Word (word/), Excel (xl/) or PowerPoint (ppt/). */
    static byte[] officeOpenXml(String mainPart) {
        return zip(Map.of("[Content_Types].xml", "<Types/>", mainPart, "<document/>"));
    }

    static byte[] openDocumentText() {
        return zip(Map.of("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office/>"));
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).descendingMap().entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
