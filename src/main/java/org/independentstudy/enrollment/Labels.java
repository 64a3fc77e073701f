package org.independentstudy.enrollment;

/** How a coded value reads on the case timeline: {@code IN_PERSON} as "in person". */
final class Labels {

    private Labels() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase().replace('_', ' ');
    }
}
