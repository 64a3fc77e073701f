package org.independentstudy.participation;

/** ATT-01: a school day of independent study is participatory, or nonparticipatory with a reason. */
public enum ParticipationStatus { PARTICIPATORY, NONPARTICIPATORY }
