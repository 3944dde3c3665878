package dev.trellis.coaching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.trellis.coaching.PersonalData;

class PersonalDataTest {

    private final CoachingStore store = new CoachingStore();
    private final PersonalData data = new PersonalData(store.mongo);
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void exportHoldsEverythingOfThePersonAndEraseRemovesItButNotOthers() throws Exception {
        new UpdatePerson(store.repository(People.class)).run(store.request("p1", Map.of("name", "Zoe"), now));
        new GoalActions.Create(store.repository(Goals.class)).run(store.request("p1", Map.of("title", "Ship it"), now));
        new GoalActions.Create(store.repository(Goals.class)).run(store.request("p2", Map.of("title", "Other"), now));
        new RecordWheel(store.repository(WheelRatings.class), store.repository(ChartImageStore.class),
                CoachingTextsTest.english()).run(
                store.request("p1", RecordWheelTest.scores(5, 5, 5, 5, 5, 5, 5, 5), now));

        var exported = data.export("p1");
        assertThat(exported.get("people")).singleElement().satisfies(d -> assertThat(d.get("name")).isEqualTo("Zoe"));
        assertThat(exported.get("goals")).singleElement().satisfies(d -> assertThat(d.get("title")).isEqualTo("Ship it"));
        assertThat(exported.get("chartImages")).singleElement().satisfies(d -> assertThat(d).doesNotContainKey("data"));

        assertThat(data.erase("p1")).isEqualTo(4);
        assertThat(data.export("p1").values()).allSatisfy(docs -> assertThat(docs).isEmpty());
        assertThat(data.export("p2").get("goals")).hasSize(1);
    }
}
