/**
 * <b>Families in their language</b> (issue 12.8): what a family reads, the pages behind their links and every
 * e-mail or letter to them, in the language recorded for the student ({@code student.home_language}: English or
 * Spanish). One mechanism: Thymeleaf templates whose words are message keys ({@code messages.properties},
 * {@code messages_es.properties}), rendered in the family's {@link java.util.Locale}; staff pages stay English.
 * <p>
 * <b>The mail outbox</b> (issue 13.4): every e-mail to a family is queued in the transaction that decides to send it
 * ({@link org.independentstudy.family.MailOutbox}) and tried until the mail server takes it or the tries run out;
 * what became of it is told to its sender as a {@link org.independentstudy.family.MailOutcome}.
 */
package org.independentstudy.family;
