package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkSampleTypesTest {

    @Test
    @DisplayName("ATT-09 a PDF, PNG, JPEG, GIF, Word, Excel, PowerPoint, OpenDocument and legacy Office file is recognised by its content")
    void acceptedKinds() {
        assertThat(WorkSampleTypes.detect(WorkSampleFiles.pdf())).contains("application/pdf");
        assertThat(WorkSampleTypes.detect(WorkSampleFiles.image("png"))).contains("image/png");
        assertThat(WorkSampleTypes.detect(WorkSampleFiles.image("jpg"))).contains("image/jpeg");
        assertThat(WorkSampleTypes.detect(WorkSampleFiles.image("gif"))).contains("image/gif");
        assertThat(WorkSampleTypes.detect(WorkSampleFiles.officeOpenXml("word/document.xml")))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(WorkSampleTypes.detect(WorkSampleFiles.officeOpenXml("xl/workbook.xml")))
                .contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(WorkSampleTypes.detect(WorkSampleFiles.officeOpenXml("ppt/presentation.xml")))
                .contains("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        assertThat(WorkSampleTypes.detect(WorkSampleFiles.openDocumentText()))
                .contains("application/vnd.oasis.opendocument.text");
        byte[] legacyWord = Arrays.copyOf(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1,
                (byte) 0xb1, 0x1a, (byte) 0xe1}, 512);
        assertThat(WorkSampleTypes.detect(legacyWord)).contains("application/x-ole-storage");
    }

    @Test
    @DisplayName("ATT-09 text, a plain zip, a truncated document and an executable are refused whatever they are called")
    void refusedKinds() {
        assertThat(WorkSampleTypes.detect("My essay".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(WorkSampleTypes.detect(WorkSampleFiles.zip(Map.of("game.exe", "MZ")))).isEmpty();
        byte[] docx = WorkSampleFiles.officeOpenXml("word/document.xml");
        assertThat(WorkSampleTypes.detect(Arrays.copyOf(docx, 12))).isEmpty();
        assertThat(WorkSampleTypes.detect(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
        assertThat(WorkSampleTypes.detect(new byte[0])).isEmpty();
    }
}
