package org.independentstudy.participation;

/** ATT-02: what a placement requires: live interaction and synchronous instruction, each with its frequency. */
public record RequiredSchedule(Frequency liveInteraction, Frequency synchronousInstruction) {

    public static final RequiredSchedule NONE = new RequiredSchedule(Frequency.NONE, Frequency.NONE);
}
