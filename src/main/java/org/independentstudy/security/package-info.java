/**
 * Who may do what: one login for the API and the Camunda webapps, roles as engine groups, engine
 * authorizations per role, problem responses for 401 and 403.
 */
package org.independentstudy.security;

