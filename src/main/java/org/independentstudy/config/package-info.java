/**
 * Application-wide configuration: the district's time zone and clock (the engine's), task names carrying
 * their student.
 */
package org.independentstudy.config;

