package org.independentstudy.records;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Printable records (agreements, notices): an XHTML document rendered to PDF, as families and auditors get it. */
public final class PdfDocuments {

    private PdfDocuments() {
    }

    public static byte[] render(String xhtml, String what) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be rendered as PDF", e);
        }
        return pdf.toByteArray();
    }
}
