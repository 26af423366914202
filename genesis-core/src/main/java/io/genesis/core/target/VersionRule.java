package io.genesis.core.target;

import io.genesis.core.policy.SourceRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a build's tag or commit becomes the version people see — the one rule the command line
 * ({@code genesis version}, {@code genesis deploy}) and the Jenkins steps share: a tag that matches the
 * release pattern gives the part its group captures ({@code v1.2.3} → {@code 1.2.3} with the default
 * pattern); any other commit gives {@code dev-} and the first seven characters of the commit.
 */
public final class VersionRule {

    /** The default release pattern: {@code v} and a semantic version, such as {@code v1.2.3} or {@code v2.0.0-rc.1}. */
    public static final String DEFAULT_PATTERN = "v(\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?)";

    /** The rule with {@link #DEFAULT_PATTERN}. */
    public static final VersionRule DEFAULT = parse(DEFAULT_PATTERN);

    private final Pattern releaseTag;

    private VersionRule(Pattern releaseTag) {
        this.releaseTag = releaseTag;
    }

    /**
     * The rule whose release tags match {@code regex} as a whole, the version being its one capturing group
     * (such as {@code release-(\d+\.\d+)}).
     *
     * @throws IllegalArgumentException naming the pattern and the fix when it is not a regular expression or
     *     does not have exactly one capturing group
     */
    public static VersionRule parse(String regex) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("the version pattern is empty; give a regular expression with one group"
                    + " that captures the version, such as " + DEFAULT_PATTERN);
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the version pattern '" + regex + "' is not a regular expression ("
                    + e.getDescription() + "); give one with one group that captures the version, such as "
                    + DEFAULT_PATTERN);
        }
        int groups = pattern.matcher("").groupCount();
        if (groups != 1) {
            throw new IllegalArgumentException("the version pattern '" + regex + "' has " + groups
                    + " capturing groups; it needs exactly one, the version (write other groups as (?:...)), such as "
                    + DEFAULT_PATTERN);
        }
        return new VersionRule(pattern);
    }

    /** The pattern as written. */
    public String pattern() {
        return releaseTag.pattern();
    }

    /** The version of a build of {@code commit} made from {@code ref}. */
    public Version resolve(SourceRef ref, String commit) {
        Objects.requireNonNull(ref, "ref");
        if (ref.kind() == SourceRef.Kind.TAG) {
            Optional<Version> release = release(ref.name());
            if (release.isPresent()) {
                return release.get();
            }
        }
        return development(commit);
    }

    /**
     * The version of {@code commit}, which carries {@code tags}: the first tag that is a release (callers list
     * the tags newest version first, as {@code git tag --sort=-v:refname} does), else the development version.
     */
    public Version resolve(List<String> tags, String commit) {
        for (String tag : tags) {
            Optional<Version> release = release(tag);
            if (release.isPresent()) {
                return release.get();
            }
        }
        return development(commit);
    }

    /** The release version {@code tag} names, if it matches the pattern. */
    public Optional<Version> release(String tag) {
        Matcher matcher = releaseTag.matcher(tag);
        if (!matcher.matches() || matcher.group(1) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Version(matcher.group(1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tag '" + tag + "' matches the version pattern '" + pattern()
                    + "' but gives '" + matcher.group(1) + "': " + e.getMessage()
                    + "; narrow the pattern's group to the version part");
        }
    }

    private static Version development(String commit) {
        return new Version("dev-" + Version.requireCommit(commit).substring(0, 7));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionRule rule && rule.pattern().equals(pattern());
    }

    @Override
    public int hashCode() {
        return pattern().hashCode();
    }

    @Override
    public String toString() {
        return "VersionRule[" + pattern() + "]";
    }
}
