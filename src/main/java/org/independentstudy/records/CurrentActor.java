package org.independentstudy.records;

/** Who is acting right now: a logged-in user, a family member through a signing link, or the system. */
public interface CurrentActor {

    String SYSTEM = "system";

    String username();
}
