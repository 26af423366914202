package io.genesis.core.rollout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one rule for a commit's time as a front door receives it ({@code genesis deploy --commit-time},
 * {@code genesisDeploy commitTime:}): ISO-8601 with its offset, exactly what {@code git show -s --format=%cI}
 * prints, so a pipeline can hand git's answer on unchanged. A time without an offset is refused rather than
 * read in some zone: the lead time it starts would be off by hours without anyone seeing it.
 */
public final class CommitTime {

    /** What a person can type, and what git prints. */
    public static final String EXAMPLE = "2026-12-07T06:00:00+01:00";

    private CommitTime() {}

    /**
     * {@code text} as an instant.
     *
     * @param option how the front door spells the option, for the message
     * @throws IllegalArgumentException naming the option, the value and the expected form
     */
    public static Instant parse(String option, String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a commit time: expected ISO-8601"
                    + " with an offset, such as " + EXAMPLE + " or 2026-12-07T05:00:00Z, as"
                    + " 'git show -s --format=%cI <commit>' prints it");
        }
    }
}
