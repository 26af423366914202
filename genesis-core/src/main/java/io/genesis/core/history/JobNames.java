package io.genesis.core.history;

/**
 * The one rule for which job a record's build belongs to. A build is named by its job's full name and
 * its number, {@code shop/main#12} (a Jenkins run's externalizable id); what a front door without jobs
 * writes (no {@code #}) belongs to no job.
 */
public final class JobNames {

    private JobNames() {}

    /** The full name of the job {@code build} belongs to, such as {@code shop/main}; empty when it names none. */
    public static String jobOf(String build) {
        if (build == null) {
            return "";
        }
        int hash = build.lastIndexOf('#');
        return hash <= 0 ? "" : build.substring(0, hash);
    }

    /**
     * Whether {@code build} belongs to the job with full name {@code jobOrFolder}, or to a job anywhere
     * below the folder of that name (a multibranch project's branch jobs, a folder's jobs). Jenkins
     * never gives a job and a folder the same full name, so one name stands for either.
     */
    public static boolean within(String build, String jobOrFolder) {
        String job = jobOf(build);
        return !job.isEmpty() && (job.equals(jobOrFolder) || job.startsWith(jobOrFolder + "/"));
    }
}
