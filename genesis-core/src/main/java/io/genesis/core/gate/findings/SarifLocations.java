package io.genesis.core.gate.findings;

import com.fasterxml.jackson.core.JsonToken;
import io.genesis.core.gate.ReportException;
import io.genesis.core.gate.json.JsonCursor;
import java.io.IOException;

/** Reads where a SARIF result was found: the file and start line of its first physical location. */
final class SarifLocations {

    private SarifLocations() {}

    /** A result's first location as {@code path:line}, or {@code null} when it names no file. */
    static String first(JsonCursor json) throws IOException, ReportException {
        json.requireArray("locations");
        String first = null;
        while (json.nextElement()) {
            if (first == null && json.current() == JsonToken.START_OBJECT) {
                first = readLocation(json);
            } else {
                json.skip();
            }
        }
        return first;
    }

    private static String readLocation(JsonCursor json) throws IOException, ReportException {
        String uri = null;
        long line = -1;
        while (json.nextField()) {
            if ("physicalLocation".equals(json.field())) {
                json.requireObject("physicalLocation");
                while (json.nextField()) {
                    switch (json.field()) {
                        case "artifactLocation" -> uri = readUri(json);
                        case "region" -> line = readStartLine(json);
                        default -> json.skip();
                    }
                }
            } else {
                json.skip();
            }
        }
        if (uri == null) {
            return null;
        }
        String file = uri.startsWith("file://") ? uri.substring("file://".length()) : uri;
        return SarifRunReader.shortenPath(file) + (line > 0 ? ":" + line : "");
    }

    private static String readUri(JsonCursor json) throws IOException, ReportException {
        json.requireObject("artifactLocation");
        String uri = null;
        while (json.nextField()) {
            if ("uri".equals(json.field())) {
                uri = json.string("artifactLocation.uri");
            } else {
                json.skip();
            }
        }
        return uri;
    }

    private static long readStartLine(JsonCursor json) throws IOException, ReportException {
        json.requireObject("region");
        long line = -1;
        while (json.nextField()) {
            if ("startLine".equals(json.field())) {
                line = json.whole("region.startLine");
            } else {
                json.skip();
            }
        }
        return line;
    }
}
