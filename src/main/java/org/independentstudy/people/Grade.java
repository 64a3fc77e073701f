package org.independentstudy.people;

import java.util.Arrays;

/** Grade levels, TK to 12, in order. Grade spans drive synchronous-instruction requirements (ATT-02). */
public enum Grade {
    TK("TK"), K("K"), G1("1"), G2("2"), G3("3"), G4("4"), G5("5"), G6("6"), G7("7"), G8("8"),
    G9("9"), G10("10"), G11("11"), G12("12");

    private final String code;

    Grade(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Grade of(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown grade level '" + code + "'"));
    }

    public boolean isElementary() {
        return compareTo(G8) <= 0;
    }
}
