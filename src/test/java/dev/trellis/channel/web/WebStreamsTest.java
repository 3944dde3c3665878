package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.engine.Outbound;
import org.junit.jupiter.api.Test;

class WebStreamsTest {

    private final WebStreams streams = new WebStreams();
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
    void shutdownEndsEveryStream() {
        streams.open("a");
        streams.open("b");

        streams.closeAll();

        assertThat(streams.push("a", hello)).isZero();
        assertThat(streams.push("b", hello)).isZero();
    }
}
