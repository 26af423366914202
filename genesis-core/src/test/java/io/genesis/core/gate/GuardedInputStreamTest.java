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

    @ParameterizedTest(name = "{0} in chunks of {1}, limit {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // text | chunk size | longest tag allowed | passes
                "<a b='xx'>|3|10|true",
                "<a b='xx'>|3|9|false",
                "<a b='xx'>|1|9|false",
                "<a b=\"x>x\">|100|11|true",
                "<a b=\"x>x>>>>\">|100|11|false",
                "<a b='x>x>>>>'>|2|11|false",
                "xxxxxxxxxxxxxxxxxxxx<a>|4|3|true",
                "<a>xxxxxxxxxxxxxxxxxxxx</a>|5|4|true",
                "<a><![CDATA[x<x>x]x]>xxxxxxxxxxxxxxxxx]]></a>|3|4|true",
                "<a><!-- x<x>x-x->xxxxxxxxxxxxxxxxxxxx --></a>|3|4|true",
                "<a><!-- x --><bbbbbbb/></a>|3|4|false",
                "<?xml version='1.0'?><a/>|100|10|false",
                "<?xml version='1.0'?><a/>|1|21|true",
                "<!DOCTYPE report SYSTEM 'report.dtd'><report/>|7|40|true",
                "<!DOCTYPE report SYSTEM 'report.dtd'><report/>|7|30|false"
            })
    void shouldBoundWhatTheParserHoldsButNotWhatItSkips(String text, int chunk, long limit, boolean passes)
            throws IOException {
        GuardedInputStream in = new GuardedInputStream(
                new ByteArrayInputStream(text.getBytes(US_ASCII)), new ReadLimits(1000, limit, 10));

        if (passes) {
            assertThat(drain(in, chunk)).isEqualTo(text.length());
            assertThat(in.violation()).isNull();
        } else {
            assertThatThrownBy(() -> drain(in, chunk)).isInstanceOf(IOException.class);
            assertThat(in.violation()).contains("longer than the limit of " + limit + " bytes");
            assertThat(in.fix()).contains("raise the limit");
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "5", "100"})
    void shouldStopAtAnInternalSubsetBeforeHoldingIt(int chunk) {
        GuardedInputStream in = new GuardedInputStream(
                new ByteArrayInputStream("<!DOCTYPE t [<!ENTITY a 'b'>]><t/>".getBytes(US_ASCII)),
                new ReadLimits(1000, 1000, 10));

        assertThatThrownBy(() -> drain(in, chunk)).isInstanceOf(IOException.class);
        assertThat(in.violation()).contains("internal DTD subset");
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
                new ByteArrayInputStream("<a/><bxxxxx".getBytes(US_ASCII)), new ReadLimits(100, 4, 10));

        assertThat(in.skip(5)).isEqualTo(5);
        assertThat(in.bytesRead()).isEqualTo(5);
        assertThatThrownBy(() -> in.skip(100)).hasMessageContaining("longer than the limit of 4 bytes");
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
