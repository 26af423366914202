package io.genesis.core.gate.findings;

import com.fasterxml.jackson.core.JsonToken;
import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportException;
import io.genesis.core.gate.ReportReader;
import io.genesis.core.gate.json.JsonCursor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a security findings report in whichever of these formats it is, told apart by its
 * structure: SARIF 2.1.0 (Semgrep, Trivy, CodeQL, SpotBugs, {@code bandit -f sarif}, gitleaks),
 * Bandit JSON, pip-audit JSON, OSV-Scanner JSON, gitleaks JSON (an array of findings) and
 * TruffleHog JSON (one object per line). Streams the file and keeps counts only; the secrets that
 * secret scanners write into their reports are never read into memory, let alone printed.
 */
public final class FindingsReportReader {

    private static final String KNOWN_FORMATS = "SARIF 2.1.0 ({\"runs\": [...]}), Bandit JSON ({\"results\":"
            + " [{\"test_id\": ...}]}), pip-audit JSON ({\"dependencies\": [...]}), OSV-Scanner JSON ({\"results\":"
            + " [{\"packages\": ...}]}), gitleaks JSON ([{\"RuleID\": ...}]) or TruffleHog JSON"
            + " ({\"DetectorName\": ...} per line)";

    private final ReadLimits limits;
    private final boolean newOnly;

    /**
     * @param newOnly count only findings the tool marked as new against its baseline (SARIF
     *     {@code baselineState}); results without a baseline state are counted
     */
    public FindingsReportReader(ReadLimits limits, boolean newOnly) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.newOnly = newOnly;
    }

    /** Reads the report file {@code file}, naming it {@code source} in messages. */
    public FindingsReading read(Path file, String source) throws ReportException {
        try (InputStream input = Files.newInputStream(file)) {
            return read(input, source);
        } catch (IOException e) {
            throw ReportReader.unreadable(source, e);
        }
    }

    /** Reads a report from {@code input}, which the caller closes. */
    public FindingsReading read(InputStream input, String source) throws ReportException {
        return JsonCursor.read(input, source, limits, json -> {
            FindingsTally tally = new FindingsTally();
            JsonToken token = json.next();
            if (token == null) {
                throw json.error("the file is empty", "the tool that writes it probably did not finish; rerun it");
            }
            while (token != null) {
                if (token == JsonToken.START_ARRAY) {
                    readGitleaks(json, tally);
                } else if (token == JsonToken.START_OBJECT) {
                    readRootObject(json, tally);
                } else {
                    throw json.error(
                            "it is not a findings report: it starts with " + JsonCursor.describe(token),
                            "point the findings pattern at " + KNOWN_FORMATS);
                }
                token = json.next();
            }
            return tally.reading();
        });
    }

    /** A root object: SARIF, Bandit, OSV-Scanner, pip-audit, or one TruffleHog finding. */
    private void readRootObject(JsonCursor json, FindingsTally tally) throws IOException, ReportException {
        boolean known = false;
        String detector = null;
        String location = null;
        boolean truffleHog = false;
        while (json.nextField()) {
            switch (json.field()) {
                case "runs" -> {
                    json.requireArray("runs");
                    while (json.nextElement()) {
                        new SarifRunReader(json, tally, newOnly).read();
                    }
                    known = true;
                }
                case "results" -> {
                    json.requireArray("results");
                    while (json.nextElement()) {
                        ToolFormats.readResult(json, tally);
                    }
                    known = true;
                }
                case "dependencies" -> {
                    ToolFormats.readPipAudit(json, tally);
                    known = true;
                }
                case "DetectorName" -> {
                    detector = json.string("DetectorName");
                    truffleHog = true;
                }
                case "SourceMetadata" -> {
                    location = ToolFormats.findFileAndLine(json);
                    truffleHog = true;
                }
                default -> json.skip();
            }
        }
        if (truffleHog) {
            tally.secret(
                    "TruffleHog",
                    detector == null ? "(no detector)" : JsonCursor.shorten(detector),
                    location == null ? "(no location)" : location);
        } else if (!known) {
            throw json.error(
                    "it is not a findings report this gate knows", "point the findings pattern at " + KNOWN_FORMATS);
        }
    }

    /** gitleaks JSON: an array of findings, each a secret. */
    private static void readGitleaks(JsonCursor json, FindingsTally tally) throws IOException, ReportException {
        while (json.nextElement()) {
            json.requireObject("a gitleaks finding");
            String rule = null;
            String file = null;
            long line = -1;
            while (json.nextField()) {
                switch (json.field()) {
                    case "RuleID" -> rule = json.string("RuleID");
                    case "File" -> file = json.string("File");
                    case "StartLine" -> line = json.whole("StartLine");
                    default -> json.skip(); // Secret, Match, Commit... never read
                }
            }
            if (rule == null) {
                throw json.error(
                        "an element of the array has no RuleID, so it is not a gitleaks finding",
                        "point the findings pattern at " + KNOWN_FORMATS);
            }
            tally.secret(
                    "gitleaks",
                    JsonCursor.shorten(rule),
                    file == null ? "(no file)" : SarifRunReader.shortenPath(file) + (line > 0 ? ":" + line : ""));
        }
    }
}
