package io.genesis.core.gate;

import java.util.Objects;

/**
 * Why a run's reports could not all be read: a pattern that matched nothing, a file outside the
 * workspace, a file that is not a readable report. Any problem fails the gate.
 *
 * @param subject the pattern or file concerned, as the user wrote or sees it
 * @param message a full sentence: what, where, and the fix
 */
public record ReportProblem(String subject, String message) {

    public ReportProblem {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    static ReportProblem of(ReportException e) {
        return new ReportProblem(e.source(), e.getMessage());
    }
}
