package io.jenkins.plugins.genesis.gate;

import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One criterion of a gate as the build page and the remote API show it. */
@ExportedBean(defaultVisibility = 2)
public final class CriterionRow {

    private final String name;
    private final String kind;
    private final String criticality;
    private final String status;
    private final String message;
    private final Double measured;
    private final Double threshold;

    CriterionRow(
            String name,
            String kind,
            String criticality,
            String status,
            String message,
            Double measured,
            Double threshold) {
        this.name = name;
        this.kind = kind;
        this.criticality = criticality;
        this.status = status;
        this.message = message;
        this.measured = measured;
        this.threshold = threshold;
    }

    /** {@code reports}, {@code tests}, {@code passRate}, {@code coverage.line}, {@code required.critical}, ... */
    @Exported
    public String getName() {
        return name;
    }

    /** {@code passRate}, {@code coverage}, ...: the kind a criticality is set for; {@code null} in old summaries. */
    @Exported
    public String getKind() {
        return kind;
    }

    /**
     * What this criterion does when it is not met: {@code NOTE}, {@code UNSTABLE}, {@code FAILURE}
     * or {@code ERROR}; {@code null} in summaries stored before criticalities existed.
     */
    @Exported
    public String getCriticality() {
        return criticality;
    }

    /**
     * The message, and for a criterion that is not met with a criticality other than the default
     * (error), that criticality in brackets, such as {@code [note]}.
     */
    public String getLine() {
        boolean marked = !"PASSED".equals(status) && criticality != null && !"ERROR".equals(criticality);
        return marked ? message + " [" + criticality.toLowerCase(Locale.ROOT) + "]" : message;
    }

    /** {@code PASSED}, {@code UNSTABLE} or {@code FAILED}. */
    @Exported
    public String getStatus() {
        return status;
    }

    /** The status in lower case, as the console prints it: {@code passed}, {@code unstable}, {@code failed}. */
    public String getLabel() {
        return status.toLowerCase(Locale.ROOT);
    }

    /** The line a person reads. */
    @Exported
    public String getMessage() {
        return message;
    }

    /** The measured value (a percentage or a count), or {@code null}. */
    @Exported
    public Double getMeasured() {
        return measured;
    }

    /** The bar the measured value had to reach, or {@code null}. */
    @Exported
    public Double getThreshold() {
        return threshold;
    }
}
