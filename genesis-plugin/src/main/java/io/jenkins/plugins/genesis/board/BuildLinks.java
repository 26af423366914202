package io.jenkins.plugins.genesis.board;

import io.genesis.core.history.JobNames;
import java.nio.charset.StandardCharsets;

/**
 * The address of a build, below Jenkins' root, from the name a record keeps ({@code shop/main#12},
 * a run's externalizable id), without loading the build: a history page links twenty builds at once.
 */
final class BuildLinks {

    /** What Jenkins leaves as it is in an item's name (its {@code Util.rawEncode}); everything else is escaped. */
    private static final String KEPT = "!$&'()*+,-.0123456789=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private BuildLinks() {}

    /** Such as {@code job/shop/job/main/12/}; empty when {@code build} names no job and number. */
    static String urlOf(String build) {
        String job = JobNames.jobOf(build);
        if (job.isEmpty()) {
            return "";
        }
        String number = build.substring(job.length() + 1);
        if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
            return "";
        }
        StringBuilder url = new StringBuilder();
        for (String name : job.split("/", -1)) {
            url.append("job/").append(encode(name)).append('/');
        }
        return url.append(number).append('/').toString();
    }

    /* As Jenkins encodes an item's name in its address, so a branch job named feature%2Fx is addressed
     * as feature%252Fx. */
    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && KEPT.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
