package org.independentstudy.participation;

/** ATT-01: one live interaction of a school day: the staff member, how, how long and what for. */
public record LiveInteraction(String staffUsername, InteractionMethod method, int minutes, String purpose) {

    String describe() {
        return minutes + " min " + method + " with " + staffUsername + " (" + purpose + ")";
    }
}
