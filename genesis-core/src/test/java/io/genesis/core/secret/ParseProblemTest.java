package io.genesis.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ParseProblemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldNameLineAndColumnButNeverTheText() {
        JsonProcessingException e = catchThrowableOfType(
                JsonProcessingException.class,
                () -> JSON.readValue("{\"a\": 1,\n \"password\": hunter2 }", JsonNode.class));

        String described = ParseProblem.describe("state.json", e);

        assertThat(e.getMessage()).contains("hunter2");
        assertThat(described).startsWith("state.json, line 2, column ").doesNotContain("hunter2");
    }

    @Test
    void shouldFallBackToTheKindOfProblemWhenTheMessageIsAllInput() {
        assertThat(ParseProblem.problem(new IllegalStateException("'hunter2'"))).isEqualTo("(…)");
        assertThat(ParseProblem.problem(new IllegalStateException((String) null)))
                .isEqualTo("IllegalStateException");
    }
}
