package org.independentstudy.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FamilyMailTest {

    private static final String HTML = """
            <!DOCTYPE html>
            <html lang="es">
            <head>
              <title>Distrito: aviso para Ana O&#39;Neil</title>
              <style>body { font-size: 11pt; }</style>
            </head>
            <body>
            <p>Estimado/a Ana O&#39;Neil &amp; familia:</p>
            <ul>
              <li>martes, 19 de enero de 2027</li>
            </ul>
            <p><span>Use su enlace personal:</span>
              <a href="https://district.example/family/return/abc?x=1&amp;y=2">solicitar el regreso</a></p>
            </body>
            </html>""";

    @Test
    @DisplayName("Issue 12.8 an e-mail's subject is its document's title, its plain text the words without markup: entities decoded, list items dashed, links written out with their address")
    void subjectAndPlainText() {
        assertThat(FamilyMail.subjectOf(HTML)).isEqualTo("Distrito: aviso para Ana O'Neil");
        assertThat(FamilyMail.plainText(HTML)).isEqualTo("""
                Estimado/a Ana O'Neil & familia:

                - martes, 19 de enero de 2027

                Use su enlace personal:
                solicitar el regreso: https://district.example/family/return/abc?x=1&y=2""");
    }

    @Test
    @DisplayName("Issue 12.8 a recorded language the messages speak is the family's; any other, or none, is English")
    void languageOfARecordedCode() {
        assertThat(FamilyLanguage.of("es")).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(FamilyLanguage.of("en")).isEqualTo(Locale.ENGLISH);
        assertThat(FamilyLanguage.of("vi")).isEqualTo(Locale.ENGLISH);
        assertThat(FamilyLanguage.of(null)).isEqualTo(Locale.ENGLISH);
    }
}
