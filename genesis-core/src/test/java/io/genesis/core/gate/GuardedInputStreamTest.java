package io.genesis.core.gate;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardedInputStreamTest {

    @ParameterizedTest
    @CsvSource({
        // text, chunk size, longest allowed run without '<', passes
        "<xxxx<x>, 3, 4, true",
        "<xxxxx<x>, 3, 4, false",
        "<xxxx<x>, 1, 4, true",
        "<xxxxx<x>, 1, 4, false",
        "xxxx<a>, 100, 4, true",
        "xxxxx<a>, 100, 4, false",
        "<xxxxx, 100, 4, false",
        "<xx<xx<xx<x, 5, 2, true",
        "<xx<xxx<xx<x, 5, 2, false"
    })
    void shouldBoundTheRunWithoutMarkupAcrossChunks(String text, int chunk, long limit, boolean passes)
            throws IOException {
        GuardedInputStream in = new GuardedInputStream(
                new ByteArrayInputStream(text.getBytes(US_ASCII)), new ReadLimits(1000, limit, 10));

        if (passes) {
            assertThat(drain(in, chunk)).isEqualTo(text.length());
            assertThat(in.violation()).isNull();
        } else {
            assertThatThrownBy(() -> drain(in, chunk)).isInstanceOf(IOException.class);
            assertThat(in.violation()).contains("more than " + limit + " bytes without markup");
        }
    }

    @ParameterizedTest
    @CsvSource({"10, 10, true", "10, 9, false"})
    void shouldBoundTheFileSize(int size, long limit, boolean passes) throws IOException {
        GuardedInputStream in = new GuardedInputStream(
                new ByteArrayInputStream("<".repeat(size).getBytes(US_ASCII)), new ReadLimits(limit, 100, 10));

        if (passes) {
            assertThat(drain(in, 4)).isEqualTo(size);
            assertThat(in.bytesRead()).isEqualTo(size);
        } else {
            assertThatThrownBy(() -> drain(in, 4)).hasMessageContaining("larger than the limit of " + limit + " bytes");
        }
    }

    @Test
    void shouldReadWhenAskedToSkipSoNoByteEscapesTheGuard() throws IOException {
        GuardedInputStream in = new GuardedInputStream(
                new ByteArrayInputStream("<<<<<xxxxx".getBytes(US_ASCII)), new ReadLimits(100, 3, 10));

        assertThat(in.skip(5)).isEqualTo(5);
        assertThat(in.bytesRead()).isEqualTo(5);
        assertThatThrownBy(() -> in.skip(100)).hasMessageContaining("more than 3 bytes without markup");
    }

    private static int drain(GuardedInputStream in, int chunk) throws IOException {
        int total = 0;
        if (chunk == 1) {
            while (in.read() >= 0) {
                total++;
            }
            return total;
        }
        byte[] buffer = new byte[chunk];
        for (int n; (n = in.read(buffer, 0, chunk)) > 0; ) {
            total += n;
        }
        return total;
    }
}
