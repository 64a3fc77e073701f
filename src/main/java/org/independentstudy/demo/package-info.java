/**
 * The demo district (schools, staff, students, families, credentials) loaded when demo data is on.
 */
package org.independentstudy.demo;

