/**
 * The failures domain code reports to its callers: bad input naming the field or rule (400), a state that
 * refuses the request (409), a missing record (404). The web layer turns them into problem details. A mail
 * server's refusal is logged without the addresses in it ({@link org.independentstudy.errors.MailFailure}).
 */
package org.independentstudy.errors;

