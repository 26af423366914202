package io.genesis.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which branches and tags may deploy to an environment. Patterns are globs: {@code *} matches any
 * run of characters except {@code /}, {@code **} matches any run including {@code /}. Pull
 * requests never deploy, whatever the patterns say.
 *
 * @param branches glob patterns of branch names allowed to deploy
 * @param tags glob patterns of tag names allowed to deploy
 */
public record RefPolicy(List<String> branches, List<String> tags) {

    public RefPolicy {
        branches = List.copyOf(Objects.requireNonNull(branches, "branches"));
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        branches.forEach(p -> requirePattern("allowed branch", p));
        tags.forEach(p -> requirePattern("allowed tag", p));
    }

    /** Why {@code ref} may not deploy, or an empty string when it may. */
    public String refusal(SourceRef ref) {
        Objects.requireNonNull(ref, "ref");
        return switch (ref.kind()) {
            case PULL_REQUEST -> ref + " may not deploy: pull-request builds never deploy";
            case BRANCH ->
                matchesAny(branches, ref.name())
                        ? ""
                        : ref + " may not deploy here; allowed branches: " + describe(branches);
            case TAG ->
                matchesAny(tags, ref.name()) ? "" : ref + " may not deploy here; allowed tags: " + describe(tags);
        };
    }

    public boolean allows(SourceRef ref) {
        return refusal(ref).isEmpty();
    }

    /** Whether {@code name} matches the glob {@code pattern}. */
    public static boolean matches(String pattern, String name) {
        return toRegex(pattern).matcher(name).matches();
    }

    private static boolean matchesAny(List<String> patterns, String name) {
        return patterns.stream().anyMatch(p -> matches(p, name));
    }

    private static String describe(List<String> patterns) {
        return patterns.isEmpty() ? "none" : String.join(", ", patterns);
    }

    private static void requirePattern(String field, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException(field + " patterns must not be blank");
        }
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubled = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                regex.append(doubled ? ".*" : "[^/]*");
                i += doubled ? 1 : 0;
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
