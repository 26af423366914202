package io.genesis.core.history;

/**
 * Which job a record belongs to, read from its build: Jenkins names a build {@code <job full
 * name>#<number>} (its externalizable id, such as {@code shop/main#42}), so the job is what stands
 * before the last {@code #} when a number follows it. Any other build text (a CLI run's free-form
 * {@code --build}, a URL) belongs to no job: the empty name.
 */
public final class BuildJob {

    private BuildJob() {}

    /** The job full name of {@code record}'s build, or {@code ""}. */
    public static String of(DeploymentRecord record) {
        return of(record.build());
    }

    /** The job full name in {@code build}, or {@code ""}. */
    public static String of(String build) {
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
}
