/**
 * <b>Families in their language</b> (issue 12.8): what a family reads, the pages behind their links and every
 * e-mail or letter to them, in the language recorded for the student ({@code student.home_language}: English or
 * Spanish). One mechanism: Thymeleaf templates whose words are message keys ({@code messages.properties},
 * {@code messages_es.properties}), rendered in the family's {@link java.util.Locale}; staff pages stay English.
 */
package org.independentstudy.family;
