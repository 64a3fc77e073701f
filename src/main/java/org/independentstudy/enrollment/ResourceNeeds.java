package org.independentstudy.enrollment;

/**
 * ENR-10: what the family said the student lacks; never a reason to refuse, and what the agreement's resources
 * element (AGR-03 (3)) lists as provided by the district.
 */
public record ResourceNeeds(boolean device, boolean internetAccess, String other) {

    public static final ResourceNeeds NONE = new ResourceNeeds(false, false, null);

    public boolean any() {
        return device || internetAccess || (other != null && !other.isBlank());
    }
}
