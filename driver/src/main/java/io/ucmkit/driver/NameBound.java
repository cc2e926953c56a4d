package io.ucmkit.driver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bound on the translator's tables keyed by names the PBX sends. At most {@link #MAX_NAMES} live channels,
 * answered legs, IVR calls, presentities and extension states are remembered: a PBX that reports channels without
 * ever hanging them up (or a flood of made-up names) must not grow them without end. A UCM6510 carries a few
 * hundred calls; past the bound a new name is not remembered (its events still pass), counted in
 * {@link #untracked()} and warned about at 1, 2, 4, 8… times. One instance is shared by the tables of one
 * translator so that the count is one total. Not thread-safe: used under the translator's lock.
 */
final class NameBound {

    private static final Logger log = LoggerFactory.getLogger(NameBound.class);

    static final int MAX_NAMES = 20_000;

    private long untracked;

    /** Whether a table of {@code size} names is at its bound; if so, the new name is counted and not kept. */
    boolean full(int size, String what) {
        if (size < MAX_NAMES) {
            return false;
        }
        untracked++;
        if (Long.bitCount(untracked) == 1) {
            log.warn(
                    "the PBX reports more than {} {}: new names are not remembered ({} so far); their events still"
                            + " pass, but Call Status and duplicate filtering may miss them until the next reconnect",
                    MAX_NAMES,
                    what,
                    untracked);
        }
        return true;
    }

    /** Names not remembered because a table was at {@link #MAX_NAMES}. */
    long untracked() {
        return untracked;
    }
}
