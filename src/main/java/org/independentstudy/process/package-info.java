/**
 * What every process step shares: the case id every process of a case carries and the values a Camunda Form
 * submitted. Only this package, the features' {@code process} packages and configuration touch the engine's API.
 */
package org.independentstudy.process;

