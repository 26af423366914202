package io.genesis.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genesis.core.target.Version;
import io.genesis.core.target.VersionRule;
import io.genesis.core.time.TimeJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genesis version}: the version of the checkout's commit, by the rule the deploy step and the
 * Jenkins steps use ({@link VersionRule}): a release tag on the commit gives its version, any other commit
 * {@code dev-<7-char sha>}. With {@code --json}, the release manifest: version, commit, tag and build date.
 */
@Command(
        name = "version",
        sortOptions = false,
        description = {
            "Prints the version of the commit checked out in --directory: a tag on it matching --tag-pattern"
                    + " (default v1.2.3) gives 1.2.3, any other commit dev-<first 7 characters of the commit>, as"
                    + " genesis deploy and the Jenkins steps name versions.",
            "With --json it prints the release manifest instead: version, commit, tag and build date (now), to keep"
                    + " with the build and to pass to 'genesis deploy --version ... --commit ... --build-date ...'.",
            "This is your application's version; 'genesis --version' prints genesis's own."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed",
            ExitCodeText.USAGE + " -- also: not a git checkout, git missing, or a wrong --tag-pattern",
            ExitCodeText.INTERNAL
        })
final class VersionCommand implements Callable<Integer> {

    private final Host host;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(
            names = "--directory",
            paramLabel = "DIR",
            description = "The checkout to read (default: the working directory).")
    Path directory = Path.of("");

    @Option(
            names = "--tag-pattern",
            paramLabel = "REGEX",
            description = "Release tags: a regular expression matching the whole tag, whose one group is the version"
                    + " (default: " + VersionRule.DEFAULT_PATTERN + ").")
    String tagPattern = VersionRule.DEFAULT_PATTERN;

    @Option(names = "--json", description = "Print the release manifest as one JSON object.")
    boolean json;

    VersionCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VersionRule rule;
        try {
            rule = VersionRule.parse(tagPattern);
        } catch (IllegalArgumentException e) {
            err.println("genesis version: --tag-pattern: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        Path checkout = directory.toAbsolutePath().normalize();
        String commit;
        List<String> tags;
        Instant committed;
        try {
            commit = Git.run(checkout, "rev-parse", "--verify", "HEAD^{commit}");
            String listed = Git.run(checkout, "tag", "--points-at", "HEAD", "--sort=-v:refname");
            tags = listed.isEmpty() ? List.of() : Arrays.asList(listed.split("\\R"));
            committed = Git.commitTime(checkout, commit);
        } catch (Git.GitException e) {
            err.println("genesis version: cannot read the commit of " + checkout + ": " + e.getMessage()
                    + "; fix: run it in a git checkout with at least one commit, or pass --directory");
            return ExitCode.USAGE.code();
        }
        Version version;
        try {
            version = rule.resolve(tags, commit);
        } catch (IllegalArgumentException e) {
            err.println("genesis version: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        if (!json) {
            out.println(version);
            return ExitCode.PASSED.code();
        }
        String tag = tags.stream()
                .filter(name -> rule.release(name).isPresent())
                .findFirst()
                .orElse("");
        ObjectNode manifest = TimeJson.mapper().createObjectNode();
        manifest.put("version", version.value());
        manifest.put("commit", commit);
        manifest.put("tag", tag);
        manifest.put("commitTime", committed.toString());
        manifest.put("buildDate", host.clock().instant().toString());
        out.println(TimeJson.mapper().writeValueAsString(manifest));
        return ExitCode.PASSED.code();
    }
}
