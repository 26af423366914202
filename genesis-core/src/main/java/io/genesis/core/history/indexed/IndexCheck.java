package io.genesis.core.history.indexed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Compares every index with what a full read of the records says it must hold. */
final class IndexCheck {

    private IndexCheck() {}

    static List<String> of(StoreSession session, StoreFiles files) throws IOException {
        // The latest line of every record, in the order of those lines, as the indexes must list them.
        Map<String, Long> latest = new LinkedHashMap<>();
        Map<Long, DeploymentRecord> byOffset = new TreeMap<>();
        DataLines.scan(session.data(), 0, 0, ReadMeter.NONE, (bytes, start, length, at, number, terminated) -> {
            try {
                DeploymentRecord record = RecordLines.read(bytes, start, length);
                Long earlier = latest.put(record.id(), at);
                if (earlier != null) {
                    byOffset.remove(earlier);
                }
                byOffset.put(at, record);
            } catch (JsonProcessingException e) {
                // unreadable lines are listed in no index
            }
        });
        Map<String, List<Long>> expected = new TreeMap<>();
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
        return problems;
    }

    private static String summary(List<Long> offsets) {
        return offsets.size() <= 6 ? offsets.toString() : offsets.subList(0, 6) + "...";
    }
}
