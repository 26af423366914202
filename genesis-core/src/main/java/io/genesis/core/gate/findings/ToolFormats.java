package io.genesis.core.gate.findings;

import com.fasterxml.jackson.core.JsonToken;
import io.genesis.core.gate.ReportException;
import io.genesis.core.gate.json.JsonCursor;
import java.io.IOException;
import java.util.Optional;

/**
 * The JSON formats of single tools: Bandit's and OSV-Scanner's {@code results} elements, pip-audit's
 * {@code dependencies}, and the location inside TruffleHog's {@code SourceMetadata}.
 *
 * <p>pip-audit gives no severity, and OSV-Scanner not always: a known vulnerability without one is
 * counted as high, so that a gate on high findings never passes a dependency it knows nothing
 * about.
 */
final class ToolFormats {

    private ToolFormats() {}

    /** One element of a root {@code results} array: a Bandit issue or an OSV-Scanner source. */
    static void readResult(JsonCursor json, FindingsTally tally) throws IOException, ReportException {
        json.requireObject("a result");
        String testId = null;
        String severity = null;
        String file = null;
        long line = -1;
        String source = "(no source)";
        boolean osv = false;
        while (json.nextField()) {
            switch (json.field()) {
                case "test_id" -> testId = json.string("test_id");
                case "issue_severity" -> severity = json.string("issue_severity");
                case "filename" -> file = json.string("filename");
                case "line_number" -> line = json.whole("line_number");
                case "source" -> source = readOsvSource(json, source);
                case "packages" -> {
                    readOsvPackages(json, tally, source);
                    osv = true;
                }
                default -> json.skip();
            }
        }
        if (osv) {
            return;
        }
        if (testId == null || severity == null) {
            throw json.error(
                    "a result has neither Bandit's test_id and issue_severity nor OSV-Scanner's packages",
                    "point the findings pattern at the JSON file the tool wrote");
        }
        Optional<Severity> level = Severity.ofName(severity);
        if (level.isEmpty() && !"UNDEFINED".equalsIgnoreCase(severity.trim())) {
            throw json.error(
                    "issue_severity \"" + JsonCursor.shorten(severity) + "\" is not HIGH, MEDIUM, LOW or UNDEFINED",
                    "regenerate the report with Bandit");
        }
        tally.finding(
                level,
                "Bandit",
                JsonCursor.shorten(testId),
                (file == null ? "(no file)" : SarifRunReader.shortenPath(file)) + (line > 0 ? ":" + line : ""));
    }

    private static String readOsvSource(JsonCursor json, String fallback) throws IOException, ReportException {
        json.requireObject("source");
        String path = fallback;
        while (json.nextField()) {
            if ("path".equals(json.field())) {
                path = SarifRunReader.shortenPath(json.string("source.path"));
            } else {
                json.skip();
            }
        }
        return path;
    }

    private static void readOsvPackages(JsonCursor json, FindingsTally tally, String source)
            throws IOException, ReportException {
        json.requireArray("packages");
        while (json.nextElement()) {
            json.requireObject("a package");
            String name = "(no name)";
            long vulnerabilities = 0;
            String firstVulnerability = null;
            boolean grouped = false;
            while (json.nextField()) {
                switch (json.field()) {
                    case "package" -> name = readOsvPackage(json);
                    case "vulnerabilities" -> {
                        String[] counted = readVulnerabilities(json);
                        vulnerabilities += Long.parseLong(counted[0]);
                        firstVulnerability = firstVulnerability == null ? counted[1] : firstVulnerability;
                    }
                    case "groups" -> grouped |= readOsvGroups(json, tally, source + " " + name);
                    default -> json.skip();
                }
            }
            if (!grouped && vulnerabilities > 0) {
                tally.finding(
                        Optional.of(Severity.HIGH),
                        "OSV-Scanner",
                        firstVulnerability,
                        source + " " + name,
                        vulnerabilities);
            }
        }
    }

    /** How many vulnerabilities a package lists (as text), and the first one's id. */
    private static String[] readVulnerabilities(JsonCursor json) throws IOException, ReportException {
        json.requireArray("vulnerabilities");
        long count = 0;
        String first = null;
        while (json.nextElement()) {
            String id = readId(json);
            count++;
            first = first == null ? id : first;
        }
        return new String[] {Long.toString(count), first};
    }

    private static String readFirstId(JsonCursor json, String fallback) throws IOException, ReportException {
        json.requireArray("ids");
        String id = null;
        while (json.nextElement()) {
            String value = json.string("ids[]");
            id = id == null ? JsonCursor.shorten(value) : id;
        }
        return id == null ? fallback : id;
    }

    private static boolean readOsvGroups(JsonCursor json, FindingsTally tally, String location)
            throws IOException, ReportException {
        json.requireArray("groups");
        boolean any = false;
        while (json.nextElement()) {
            readOsvGroup(json, tally, location);
            any = true;
        }
        return any;
    }

    private static String readOsvPackage(JsonCursor json) throws IOException, ReportException {
        json.requireObject("package");
        String name = "(no name)";
        String version = "";
        while (json.nextField()) {
            switch (json.field()) {
                case "name" -> name = JsonCursor.shorten(json.string("package.name"));
                case "version" -> version = JsonCursor.shorten(json.string("package.version"));
                default -> json.skip();
            }
        }
        return version.isEmpty() ? name : name + "@" + version;
    }

    private static void readOsvGroup(JsonCursor json, FindingsTally tally, String location)
            throws IOException, ReportException {
        json.requireObject("a group");
        String id = "(no id)";
        Optional<Severity> severity = Optional.of(Severity.HIGH);
        while (json.nextField()) {
            switch (json.field()) {
                case "ids" -> id = readFirstId(json, id);
                case "max_severity" -> {
                    boolean blank = json.current() == JsonToken.VALUE_STRING
                            && json.string("max_severity").isBlank();
                    severity = blank ? Optional.of(Severity.HIGH) : Severity.ofScore(score(json, "max_severity"));
                }
                default -> json.skip();
            }
        }
        tally.finding(severity.isPresent() ? severity : Optional.of(Severity.LOW), "OSV-Scanner", id, location, 1);
    }

    /** pip-audit's {@code dependencies}: every known vulnerability of every dependency. */
    static void readPipAudit(JsonCursor json, FindingsTally tally) throws IOException, ReportException {
        json.requireArray("dependencies");
        while (json.nextElement()) {
            json.requireObject("a dependency");
            String name = "(no name)";
            String version = "";
            String firstId = null;
            long vulnerabilities = 0;
            while (json.nextField()) {
                switch (json.field()) {
                    case "name" -> name = JsonCursor.shorten(json.string("name"));
                    case "version" -> version = JsonCursor.shorten(json.string("version"));
                    case "vulns" -> {
                        String[] counted = readVulnerabilities(json);
                        vulnerabilities += Long.parseLong(counted[0]);
                        firstId = firstId == null ? counted[1] : firstId;
                    }
                    default -> json.skip();
                }
            }
            if (vulnerabilities > 0) {
                tally.finding(
                        Optional.of(Severity.HIGH),
                        "pip-audit",
                        firstId,
                        version.isEmpty() ? name : name + "==" + version,
                        vulnerabilities);
            }
        }
    }

    /** The first {@code file} and {@code line} anywhere inside TruffleHog's {@code SourceMetadata}. */
    static String findFileAndLine(JsonCursor json) throws IOException, ReportException {
        json.requireObject("SourceMetadata");
        String[] found = new String[2];
        findIn(json, found);
        return found[0] == null ? null : found[0] + (found[1] == null ? "" : ":" + found[1]);
    }

    private static void findIn(JsonCursor json, String[] found) throws IOException, ReportException {
        while (json.nextField()) {
            String field = json.field();
            if (json.current() == JsonToken.START_OBJECT) {
                findIn(json, found);
            } else if ("file".equals(field) && found[0] == null && json.current() == JsonToken.VALUE_STRING) {
                found[0] = SarifRunReader.shortenPath(json.string("file"));
            } else if ("line".equals(field) && found[1] == null) {
                // A line that is not a whole number is refused at its place, not dropped.
                found[1] = Long.toString(json.whole("line"));
            } else {
                json.skip();
            }
        }
    }

    private static String readId(JsonCursor json) throws IOException, ReportException {
        json.requireObject("a vulnerability");
        String id = "(no id)";
        while (json.nextField()) {
            if ("id".equals(json.field())) {
                id = JsonCursor.shorten(json.string("id"));
            } else {
                json.skip();
            }
        }
        return id;
    }

    private static double score(JsonCursor json, String what) throws IOException, ReportException {
        double value = json.score(what);
        if (!(value >= 0 && value <= 10)) {
            throw json.error(what + " " + value + " is not between 0 and 10", "regenerate the report");
        }
        return value;
    }
}
