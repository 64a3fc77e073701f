/**
 * Problem details (RFC 7807) for every refusal of the REST API: the field or rule named, never a stack trace.
 */
package org.independentstudy.web;

