package org.independentstudy.participation;

/** ATT-01: how a live interaction took place. */
public enum InteractionMethod { IN_PERSON, VIDEO, PHONE }
