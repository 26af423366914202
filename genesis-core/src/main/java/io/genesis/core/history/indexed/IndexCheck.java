package io.genesis.core.history.indexed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.JobNames;
import io.genesis.core.history.RecordLines;
import io.genesis.core.target.DeploymentKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares every index with what a full read of the records says it must hold, and checks that each
 * application and environment whose records that may run are out of end order is marked so.
 */
final class IndexCheck {

    private IndexCheck() {}

    static List<String> of(StoreSession session, StoreFiles files) throws IOException {
        // The latest line of every record, in the order of those lines, as the indexes must list them.
        Map<String, Long> latest = new LinkedHashMap<>();
        Map<Long, DeploymentRecord> byOffset = new TreeMap<>();
        // The first line of each key of each job and folder, replaced later or not, as the key indexes list them.
        Map<String, List<Long>> expected = new TreeMap<>();
        Set<String> keysSeen = new HashSet<>();
        DataLines.scan(session.data(), 0, 0, ReadMeter.NONE, (bytes, start, length, at, number, terminated) -> {
            try {
                DeploymentRecord record = RecordLines.read(bytes, start, length);
                for (String job : JobNames.jobAndFolders(JobNames.jobOf(record.build()))) {
                    if (keysSeen.add(Scopes.keyAndJob(record.key(), job))) {
                        expected.computeIfAbsent(Scopes.keysOf(job), n -> new ArrayList<>())
                                .add(at);
                    }
                }
                Long earlier = latest.put(record.id(), at);
                if (earlier != null) {
                    byOffset.remove(earlier);
                }
                byOffset.put(at, record);
            } catch (JsonProcessingException e) {
                // unreadable lines are listed in no index
            }
        });
        byOffset.forEach((offset, record) -> Scopes.of(record)
                .forEach(name ->
                        expected.computeIfAbsent(name, n -> new ArrayList<>()).add(offset)));
        List<String> problems = new ArrayList<>();
        try (Stream<Path> listing = Files.list(files.indexes())) {
            listing.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".idx"))
                    .forEach(name -> expected.putIfAbsent(name, List.of()));
        }
        for (Map.Entry<String, List<Long>> scope : expected.entrySet()) {
            IndexFile index = session.index(scope.getKey(), false);
            List<Long> actual = new ArrayList<>();
            if (index != null) {
                for (IndexFile.Entry entry : index.entries(0, index.header().entries())) {
                    if (entry.live()) {
                        actual.add(entry.offset());
                    }
                }
                if (index.header().live() != actual.size()) {
                    problems.add(scope.getKey() + " counts " + index.header().live() + " live records but lists "
                            + actual.size());
                }
            }
            if (!actual.equals(scope.getValue())) {
                problems.add(scope.getKey() + " lists " + actual.size() + " records at " + summary(actual)
                        + " but the data has " + scope.getValue().size() + " at " + summary(scope.getValue()));
            }
        }
        problems.addAll(unmarked(byOffset, files));
        return problems;
    }

    /** The keys whose records that may run are out of end order, yet without the marker that says so. */
    private static List<String> unmarked(Map<Long, DeploymentRecord> byOffset, StoreFiles files) {
        Map<DeploymentKey, DeploymentRecord> newest = new HashMap<>();
        Set<DeploymentKey> unordered = new TreeSet<>();
        for (DeploymentRecord record : byOffset.values()) {
            if (CurrentDeployments.runs(record)) {
                DeploymentRecord before = newest.put(record.key(), record);
                if (before != null && CurrentDeployments.endedLater(before, record)) {
                    unordered.add(record.key());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (DeploymentKey key : unordered) {
            if (!Files.exists(files.indexes().resolve(Scopes.unordered(key)), LinkOption.NOFOLLOW_LINKS)) {
                problems.add(Scopes.running(key) + " lists records of " + key + " out of end order but "
                        + Scopes.unordered(key) + " is missing");
            }
        }
        return problems;
    }

    private static String summary(List<Long> offsets) {
        return offsets.size() <= 6 ? offsets.toString() : offsets.subList(0, 6) + "...";
    }
}
