package org.wedops.deploy.drivers.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputTailTest {

    @ParameterizedTest(name = "{0} bytes through a {1}-byte tail")
    @CsvSource({"0, 1024", "100, 1024", "1024, 1024", "1025, 1024", "10000000, 1024", "70000, 65536"})
    void keepsOnlyTheLastBytesAndCountsWhatItDropped(int written, int kept) throws InterruptedException {
        byte[] output = new byte[written];
        for (int i = 0; i < written; i++) {
            output[i] = (byte) ('a' + i % 26);
        }
        OutputTail tail = new OutputTail(new ByteArrayInputStream(output), kept);
        tail.start();
        tail.join();

        String text = tail.text();
        int expectedKept = Math.min(written, kept);
        String end = new String(output, written - expectedKept, expectedKept, StandardCharsets.UTF_8);
        if (written <= kept) {
            assertThat(text).isEqualTo(end);
        } else {
            assertThat(text).isEqualTo("[" + (written - kept) + " earlier bytes dropped] …" + end);
        }
    }
}
