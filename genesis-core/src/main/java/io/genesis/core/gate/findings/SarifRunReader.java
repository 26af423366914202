package io.genesis.core.gate.findings;

import io.genesis.core.gate.ReportException;
import io.genesis.core.gate.json.JsonCursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one SARIF 2.1.0 {@code run}: its tool and rules, and its results. A result's severity comes
 * from its {@code security-severity} property, else its rule's; without a score, from its
 * {@code level}, else its rule's default level, else {@code warning} (SARIF's default). Results
 * may come before the rules they refer to, so they are grouped by rule and level while read and
 * given a severity at the end of the run. Only results of kind {@code fail} (the default) are
 * findings; suppressed ones are listed, not counted; with "new only", results the tool marked as
 * already in its baseline ({@code unchanged}, {@code updated}) or gone ({@code absent}) are left
 * out.
 */
final class SarifRunReader {

    private final JsonCursor json;
    private final FindingsTally tally;
    private final boolean newOnly;
    private String tool = "SARIF";
    private final List<String> ruleIds = new ArrayList<>();
    private final Map<String, Rule> rules = new HashMap<>();
    private final Map<Group, Pending> pending = new LinkedHashMap<>();

    SarifRunReader(JsonCursor json, FindingsTally tally, boolean newOnly) {
        this.json = json;
        this.tally = tally;
        this.newOnly = newOnly;
    }

    /** Reads the run object the cursor is on. */
    void read() throws IOException, ReportException {
        json.requireObject("a SARIF run");
        while (json.nextField()) {
            switch (json.field()) {
                case "tool" -> readTool();
                case "results" -> readResults();
                default -> json.skip();
            }
        }
        boolean secrets = isSecretScanner(tool);
        for (Map.Entry<Group, Pending> entry : pending.entrySet()) {
            Group group = entry.getKey();
            Pending found = entry.getValue();
            String ruleId = group.ruleId();
            if (secrets) {
                tally.secrets(tool, ruleId, found.firstLocation, found.count);
            } else {
                tally.finding(severity(group), tool, ruleId, found.firstLocation, found.count);
            }
        }
    }

    private Optional<Severity> severity(Group group) {
        Rule rule = rules.get(group.ruleId());
        Double score = group.score() != null ? group.score() : rule == null ? null : rule.score();
        if (score != null) {
            return Severity.ofScore(score);
        }
        String level =
                group.level() != null ? group.level() : rule != null && rule.level() != null ? rule.level() : "warning";
        return Severity.ofSarifLevel(level);
    }

    private void readTool() throws IOException, ReportException {
        json.requireObject("tool");
        while (json.nextField()) {
            switch (json.field()) {
                case "driver" -> readComponent(true);
                case "extensions" -> {
                    json.requireArray("tool.extensions");
                    while (json.nextElement()) {
                        readComponent(false);
                    }
                }
                default -> json.skip();
            }
        }
    }

    private void readComponent(boolean driver) throws IOException, ReportException {
        json.requireObject("a tool component");
        while (json.nextField()) {
            switch (json.field()) {
                case "name" -> {
                    String name = json.string("tool.driver.name");
                    if (driver) {
                        tool = name.isBlank() ? tool : JsonCursor.shorten(name.strip());
                    }
                }
                case "rules" -> {
                    json.requireArray("rules");
                    while (json.nextElement()) {
                        Rule rule = readRule();
                        if (driver) {
                            ruleIds.add(rule.id());
                        }
                        if (rule.id() != null) {
                            rules.putIfAbsent(rule.id(), rule);
                        }
                    }
                }
                default -> json.skip();
            }
        }
    }

    private Rule readRule() throws IOException, ReportException {
        json.requireObject("a rule");
        String id = null;
        String level = null;
        Double score = null;
        while (json.nextField()) {
            switch (json.field()) {
                case "id" -> id = json.string("rule id");
                case "defaultConfiguration" -> level = readDefaultLevel();
                case "properties" -> score = readScore();
                default -> json.skip();
            }
        }
        return new Rule(id, level, score);
    }

    private Double readScore() throws IOException, ReportException {
        json.requireObject("properties");
        Double score = null;
        while (json.nextField()) {
            if ("security-severity".equals(json.field())) {
                double value = json.score("security-severity");
                if (!(value >= 0 && value <= 10)) {
                    throw json.error(
                            "security-severity " + value + " is not between 0 and 10",
                            "write a CVSS-like score from 0.0 to 10.0");
                }
                score = value;
            } else {
                json.skip();
            }
        }
        return score;
    }

    private void readResults() throws IOException, ReportException {
        json.requireArray("results");
        while (json.nextElement()) {
            readResult();
        }
    }

    private void readResult() throws IOException, ReportException {
        json.requireObject("a result");
        String ruleId = null;
        long ruleIndex = -1;
        String level = null;
        String kind = "fail";
        Double score = null;
        String location = null;
        boolean suppressed = false;
        String baseline = null;
        while (json.nextField()) {
            switch (json.field()) {
                case "ruleId" -> ruleId = json.string("ruleId");
                case "ruleIndex" -> ruleIndex = json.whole("ruleIndex");
                case "rule" -> {
                    String[] reference = readRuleReference();
                    ruleId = ruleId == null ? reference[0] : ruleId;
                    ruleIndex = ruleIndex < 0 && reference[1] != null ? Long.parseLong(reference[1]) : ruleIndex;
                }
                case "level" -> level = level(json.string("level"));
                case "kind" -> kind = json.string("kind");
                case "properties" -> score = readScore();
                case "locations" -> location = SarifLocations.first(json);
                case "suppressions" -> suppressed = readSuppressions();
                case "baselineState" -> baseline = json.string("baselineState");
                default -> json.skip();
            }
        }
        if (ruleId == null && ruleIndex >= 0 && ruleIndex < ruleIds.size()) {
            ruleId = ruleIds.get((int) ruleIndex);
        }
        String rule =
                ruleId == null ? (ruleIndex >= 0 ? "rule #" + ruleIndex : "(no rule)") : JsonCursor.shorten(ruleId);
        String where = location == null ? "(no location)" : location;
        if (!"fail".equals(kind)) {
            return;
        }
        if (suppressed) {
            tally.suppressed(tool, rule, where);
            return;
        }
        if (newOnly && baseline != null && !"new".equals(baseline)) {
            tally.notNew();
            return;
        }
        if ("absent".equals(baseline)) {
            tally.notNew();
            return;
        }
        Pending group = pending.computeIfAbsent(new Group(rule, level, score), g -> new Pending(where));
        group.count++;
        if (pending.size() > FindingsTally.MAX_RULES * 4) {
            throw json.error(
                    "it holds more than " + FindingsTally.MAX_RULES * 4 + " different rule and level combinations",
                    "check that the file is a SARIF report a tool wrote");
        }
    }

    private String readDefaultLevel() throws IOException, ReportException {
        json.requireObject("defaultConfiguration");
        String level = null;
        while (json.nextField()) {
            if ("level".equals(json.field())) {
                level = level(json.string("defaultConfiguration.level"));
            } else {
                json.skip();
            }
        }
        return level;
    }

    /** A result's {@code rule} reference: its id and index (as text), each {@code null} when absent. */
    private String[] readRuleReference() throws IOException, ReportException {
        json.requireObject("rule");
        String[] reference = new String[2];
        while (json.nextField()) {
            switch (json.field()) {
                case "id" -> reference[0] = json.string("rule.id");
                case "index" -> reference[1] = Long.toString(json.whole("rule.index"));
                default -> json.skip();
            }
        }
        return reference;
    }

    /** A result is suppressed when it has a suppression that was not rejected. */
    private boolean readSuppressions() throws IOException, ReportException {
        json.requireArray("suppressions");
        boolean suppressed = false;
        while (json.nextElement()) {
            json.requireObject("a suppression");
            String status = "accepted";
            while (json.nextField()) {
                if ("status".equals(json.field())) {
                    status = json.string("suppression status");
                } else {
                    json.skip();
                }
            }
            suppressed |= !"rejected".equals(status);
        }
        return suppressed;
    }

    private String level(String value) throws ReportException {
        try {
            Severity.ofSarifLevel(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw json.error(
                    "level \"" + JsonCursor.shorten(value) + "\" is not one of error, warning, note, none",
                    "regenerate the report");
        }
    }

    static boolean isSecretScanner(String tool) {
        String name = tool.toLowerCase(Locale.ROOT);
        return name.contains("gitleaks") || name.contains("trufflehog");
    }

    static String shortenPath(String path) {
        return path.length() <= 200 ? path : "…" + path.substring(path.length() - 199);
    }

    /** What SARIF says about a rule that matters here. */
    private record Rule(String id, String level, Double score) {}

    /** Results that share a rule, a level and a score, and so a severity. */
    private record Group(String ruleId, String level, Double score) {}

    /** How many results a group has, and where the first is. */
    private static final class Pending {
        final String firstLocation;
        long count;

        Pending(String firstLocation) {
            this.firstLocation = firstLocation;
        }
    }
}
