package io.genesis.kubernetes.manifest;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.genesis.core.secret.ParseProblem;
import java.util.stream.Collectors;

/** Where an object does not fit its kind's schema: the field's path and the kind of mismatch, never the value. */
final class SchemaProblem {

    private SchemaProblem() {}

    /** {@code " at field data.mode: <problem>"}, or {@code ": <problem>"} when no field is known. */
    static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping
                    && !mapping.getPath().isEmpty()) {
                String path = mapping.getPath().stream()
                        .map(reference -> reference.getFieldName() != null
                                ? reference.getFieldName()
                                : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
                return " at field " + path + ": " + ParseProblem.problem(mapping);
            }
        }
        return ": " + ParseProblem.problem(e);
    }
}
