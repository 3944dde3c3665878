package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.engine.Outbound;
import org.junit.jupiter.api.Test;

class WebStreamsTest {

    private final WebStreams streams = new WebStreams(WebProperties.defaults());
    private final ChatEntry hello = ChatEntry.bot("web:a", Outbound.text("web:a:1:1", "Hello"));

    @Test
    void messageReachesEveryTabOfItsSessionAndNoOtherSession() {
        streams.open("a");
        streams.open("a");
        streams.open("b");

        assertThat(streams.push("a", hello)).isEqualTo(2);
        assertThat(streams.push("c", hello)).isZero();
    }

    @Test
    void sessionOpeningMoreStreamsThanAnyoneHasTabsEndsItsOlderStreams() {
        for (int i = 0; i < 9; i++) streams.open("a");

        assertThat(streams.push("a", hello)).isEqualTo(1);
    }

    @Test
    void nodeHoldingItsMaximumOfStreamsRefusesAnotherSoThePagePolls() {
        WebStreams small = new WebStreams(new WebProperties(true, 30, 300, 30, java.time.Duration.ofMinutes(1), 2));

        assertThat(small.open("a")).isPresent();
        assertThat(small.open("b")).isPresent();
        assertThat(small.open("c")).isEmpty();
        assertThat(small.push("c", hello)).isZero();
    }

    @Test
    void shutdownEndsEveryStream() {
        streams.open("a");
        streams.open("b");

        streams.closeAll();

        assertThat(streams.push("a", hello)).isZero();
        assertThat(streams.push("b", hello)).isZero();
    }
}
