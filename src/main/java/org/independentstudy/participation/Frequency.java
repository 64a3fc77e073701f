package org.independentstudy.participation;

/** ATT-02: how often an opportunity must be offered: never required, every school day, or every week. */
public enum Frequency { NONE, DAILY, WEEKLY }
