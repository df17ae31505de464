package org.wedops.planner.protection;

/**
 * An application event inside the planner: something protection is computed from (the calendar, a region's zone, a
 * culture factor, an emergency) changed and is committed, so protection is republished at once instead of at the
 * next boundary or resync. Published by the feature that made the change; {@link ProtectionLoop} listens.
 *
 * @param what what changed, for the log
 */
public record ProtectionInputsChanged(String what) {
}
