package io.genesis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.Retention;
import io.genesis.core.time.TimeJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genesis history}: the deployment records, newest first. */
@Command(
        name = "history",
        sortOptions = false,
        description = "Prints the deployment records from the history under --state-dir, newest first: one line each,"
                + " or every phase, analysis and approval with --details.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed (also when there are no records)", ExitCodeText.USAGE, ExitCodeText.INTERNAL})
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--application", paramLabel = "NAME", description = "Only this application.")
    String application;

    @Option(names = "--environment", paramLabel = "NAME", description = "Only this environment.")
    String environment;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "At most N records, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--details", description = "Every phase, analysis, approval and note of each record.")
    boolean details;

    @Option(names = "--json", description = "Print one JSON object: the records, how many match, and any problems.")
    boolean json;

    @Mixin
    StateDirOption state;

    @Mixin
    RecordsOption records;

    @Mixin
    HistoryReports reports;

    @Option(
            names = "--export",
            paramLabel = "FILE",
            description = "Write every record to FILE (which must not exist) as JSON lines, oldest first, and print"
                    + " nothing else.")
    Path export;

    @Option(
            names = "--import",
            paramLabel = "FILE",
            description = "Append every record of FILE (JSON lines, as --export writes them) to the history; every"
                    + " line is checked first, and a bad line imports nothing.")
    Path importFrom;

    @Option(
            names = "--compact",
            description = "Drop the records of the state directory that each environment's retention lets go (its"
                    + " retention: in the policy files, else the newest 500 per application, environment and job and"
                    + " 365 days; what runs now always stays), print what was kept and dropped, and nothing else.")
    boolean compact;

    private final Host host;

    HistoryCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1 || limit > HistoryQuery.MAX_LIMIT) {
            err.println("genesis history: --limit must be between 1 and " + HistoryQuery.MAX_LIMIT + ", got " + limit);
            return ExitCode.USAGE.code();
        }
        StateDir dir = state.dir();
        if (export != null || importFrom != null) {
            return HistoryTransfer.run(dir.history(), export, importFrom, out, err);
        }
        if (compact) {
            return compact(dir, out, err);
        }
        StateReading contents;
        String where;
        try (TargetKinds kinds = host.targetKinds()) {
            // Environments with history: cluster are read from their cluster, the others from the state directory.
            HistoryStores stores = records.stores(dir, kinds);
            contents = stores.over(StateReading.history(dir, host.clock()));
            where = stores.anyInCluster()
                    ? dir.historyFile() + " and the cluster"
                    : dir.historyFile().toString();
        } catch (ConfigException e) {
            err.println("genesis history: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        List<DeploymentRecord> matching = new ArrayList<>();
        for (DeploymentRecord record : contents.records()) {
            if ((application == null || application.equals(record.application()))
                    && (environment == null || environment.equals(record.environment()))) {
                matching.add(record);
            }
        }
        Collections.reverse(matching);
        if (reports.wanted()) {
            contents.warn("genesis history", err);
            return reports.write(matching, "Deployments" + filter(), host.clock(), out, err);
        }
        List<DeploymentRecord> shown = matching.subList(0, Math.min(limit, matching.size()));
        if (json) {
            ObjectMapper mapper = TimeJson.mapper();
            ObjectNode document = mapper.createObjectNode();
            document.set("records", mapper.valueToTree(shown));
            document.put("total", matching.size());
            document.set("problems", mapper.valueToTree(contents.problems()));
            out.println(mapper.writeValueAsString(document));
            return ExitCode.PASSED.code();
        }
        contents.warn("genesis history", err);
        if (matching.isEmpty()) {
            out.println("genesis history: no records" + filter() + " in " + where);
            return ExitCode.PASSED.code();
        }
        out.println("genesis history: " + shown.size() + " of " + matching.size() + " record"
                + (matching.size() == 1 ? "" : "s") + filter() + " in " + where + ", newest first");
        if (details) {
            shown.forEach(record -> RecordText.details(record, out));
        } else {
            RecordText.table(shown, out);
        }
        return ExitCode.PASSED.code();
    }

    private int compact(StateDir dir, PrintWriter out, PrintWriter err) {
        HistoryStores stores;
        try (TargetKinds kinds = host.targetKinds()) {
            stores = records.stores(dir, kinds);
        } catch (ConfigException e) {
            err.println("genesis history: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        JsonLinesHistoryStore.Compacted compacted = stores.compact(host.clock().instant());
        Retention fallback = stores.retention().fallback();
        out.println("genesis history: compacted " + dir.historyFile() + ": kept " + compacted.kept() + ", dropped "
                + compacted.dropped() + " past retention (" + fallback + " where an environment sets no retention"
                + stores.retention().byEnvironment().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> "; " + e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining())
                + ")");
        if (stores.anyInCluster()) {
            out.println("genesis history: the records kept in the cluster follow their retention as they are"
                    + " written; nothing to compact there");
        }
        return ExitCode.PASSED.code();
    }

    private String filter() {
        if (application == null && environment == null) {
            return "";
        }
        return " of " + (application == null ? "any application" : application) + " in "
                + (environment == null ? "any environment" : environment);
    }
}
