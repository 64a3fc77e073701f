package org.independentstudy.signing;

/** What a signing link still allows. */
enum LinkState {
    OPEN,
    USED,
    SUPERSEDED,
    EXPIRED
}
