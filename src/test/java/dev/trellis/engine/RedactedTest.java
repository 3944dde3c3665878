package dev.trellis.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedTest {

    @Test
    void failureWithCausesKeepsEveryTypeAndStackButNoMessage() {
        IllegalStateException inner = new IllegalStateException("my words: quit smoking");
        RuntimeException outer = new RuntimeException("failed to read 'quit smoking'", inner);

        Redacted redacted = Redacted.of(outer);

        assertThat(redacted).hasMessage(RuntimeException.class.getName());
        assertThat(redacted.getStackTrace()).isEqualTo(outer.getStackTrace());
        assertThat(redacted.getCause()).hasMessage(IllegalStateException.class.getName()).hasNoCause();
        assertThat(redacted.getCause().getStackTrace()).isEqualTo(inner.getStackTrace());
    }
}
