package io.genesis.core.watch;

/**
 * The moments of a watch that people outside its log may want to hear about (notifications). Each
 * comes with the watch's state and, for the incident moments, the incident as it now stands.
 */
public enum WatchMilestone {
    /** An incident was opened by a warning sample. */
    WARNING,
    /** An incident was opened critical, or became critical. */
    CRITICAL,
    /** An incident was resolved by enough healthy samples in a row. */
    RESOLVED,
    /** The watch ended; the state's outcome holds its verdict. */
    ENDED
}
