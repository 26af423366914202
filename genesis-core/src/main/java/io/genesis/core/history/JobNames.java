package io.genesis.core.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for which job a record's build belongs to. Jenkins names a build by its job's full name
 * and its number, {@code shop/main#12} (a run's externalizable id), so the job is what stands before the
 * last {@code #} when only digits follow it. Any other build text (a CLI run's free-form {@code --build},
 * a URL) belongs to no job: the empty name.
 */
public final class JobNames {

    private JobNames() {}

    /** The full name of the job {@code build} belongs to, such as {@code shop/main}; empty when it names none. */
    public static String jobOf(String build) {
        if (build == null) {
            return "";
        }
        int hash = build.lastIndexOf('#');
        if (hash <= 0 || hash == build.length() - 1) {
            return "";
        }
        for (int i = hash + 1; i < build.length(); i++) {
            if (!Character.isDigit(build.charAt(i))) {
                return "";
            }
        }
        return build.substring(0, hash);
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

    /**
     * The names a query may ask for that {@link #within} matches for a build of {@code job}: the job
     * itself and every folder above it, innermost first ({@code a/b/c}, {@code a/b}, {@code a}); for no
     * job, only the empty name. An index keeps a record under each, so a folder's page is one index read.
     */
    public static List<String> jobAndFolders(String job) {
        List<String> names = new ArrayList<>();
        names.add(job);
        for (int slash = job.lastIndexOf('/'); slash > 0; slash = job.lastIndexOf('/', slash - 1)) {
            names.add(job.substring(0, slash));
        }
        return List.copyOf(names);
    }
}
