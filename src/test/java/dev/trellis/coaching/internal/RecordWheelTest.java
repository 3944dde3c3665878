package dev.trellis.coaching.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.trellis.coaching.ChartImages;
import dev.trellis.coaching.WheelArea;
import dev.trellis.engine.ActionHandler;
import dev.trellis.coaching.WheelChart;

class RecordWheelTest {

    private final CoachingStore store = new CoachingStore();
    private final WheelRatings ratings = store.repository(WheelRatings.class);
    private final ChartImageStore images = store.repository(ChartImageStore.class);
    private final RecordWheel record = new RecordWheel(ratings, images, CoachingTextsTest.english());
    private final ChartImages chartImages = new ChartImages(images);
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    static Map<String, Object> scores(long... values) {
        String[] keys = {"growth", "purpose", "autonomy", "variety", "relationships", "recognition", "environment",
                "balance"};
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }

    @Test
    void firstWheelStoresAChartTheOwnerCanFetchAndNamesTheLowestArea() throws Exception {
        Map<String, Object> result = record.run(store.request("p1", Map.of("scores", scores(7, 6, 8, 5, 7, 3, 6, 4)), now));

        assertThat(result).containsEntry("hasPrevious", false).containsEntry("lowest", "recognition")
                .doesNotContainKey("change");
        assertThat((String) result.get("summary")).contains("Recognition & reward (3)");
        ChartImages.Image image = chartImages.find((String) result.get("imageId"), "p1").orElseThrow();
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(image.data())).getWidth()).isEqualTo(WheelChart.WIDTH);
        assertThat(chartImages.find((String) result.get("imageId"), "someone-else")).isEmpty();
    }

    @Test
    void secondWheelIsComparedWithTheFirstAndTheBiggestChangeNamed() throws Exception {
        record.run(store.request("p1", scores(5, 5, 5, 5, 5, 5, 5, 5), now));
        Map<String, Object> result = record.run(store.request("p1", scores(6, 5, 9, 5, 5, 4, 5, 5), now.plusSeconds(60)));

        assertThat(result).containsEntry("hasPrevious", true);
        assertThat(result.get("change")).isEqualTo(Map.of("area", "autonomy", "label", "Autonomy", "from", 5L, "to", 9L,
                "delta", 4L));
        assertThat((String) result.get("summary")).isEqualTo("The biggest change since last time is Autonomy: up from 5 to 9.");
    }

    @Test
    void aGermanPersonSeesTheWheelInGermanWithNoEnglishWordsInIt() throws Exception {
        record.run(german(scores(5, 5, 5, 5, 5, 5, 5, 5), now));
        Map<String, Object> first = record.run(german(scores(7, 6, 8, 5, 7, 3, 6, 4), now.plusSeconds(60)));
        Map<String, Object> same = record.run(german(scores(7, 6, 8, 5, 7, 3, 6, 4), now.plusSeconds(120)));

        assertThat(first.get("summary"))
                .isEqualTo("Die größte Veränderung seit dem letzten Mal: Selbstbestimmung ist von 5 auf 8 gestiegen.");
        assertThat(first.get("lowestLabel")).isEqualTo("Anerkennung & Vergütung");
        assertThat(first.get("imageAlt")).isEqualTo("Dein Karriererad im Vergleich zum letzten Mal");
        assertThat(same.get("summary")).isEqualTo("Seit dem letzten Mal hat sich nichts bewegt.");
        // nothing the person reads is one of the English texts, not even an area name
        List<String> said = List.of((String) first.get("summary"), (String) first.get("lowestLabel"),
                (String) first.get("imageAlt"), (String) same.get("summary"),
                (String) ((Map<?, ?>) first.get("change")).get("label"));
        for (WheelArea area : WheelArea.values()) {
            assertThat(said).noneMatch(text -> text.contains(area.label()));
        }
        assertThat(said).noneMatch(text -> text.matches(".*\\b(the|is|since|last time|up|down|from|to|Your|career)\\b.*"));
    }

    private ActionHandler.Request german(Map<String, Object> scores, Instant at) {
        var english = store.request("p1", scores, at);
        return new ActionHandler.Request(english.conversationId(), english.personId(), english.flowId(),
                english.stepId(), english.idempotencyKey(), english.args(), at, "de");
    }

    @Test
    void reappliedRecordComparesWithTheWheelBeforeNotWithItself() throws Exception {
        record.run(store.request("p1", scores(5, 5, 5, 5, 5, 5, 5, 5), now));
        var request = store.request("p1", scores(5, 5, 5, 5, 5, 5, 5, 9), now.plusSeconds(60));

        Map<String, Object> first = record.run(request);
        Map<String, Object> again = record.run(request);

        assertThat(again).isEqualTo(first);
        assertThat(ratings.count()).isEqualTo(2);
        assertThat(images.count()).isEqualTo(2);
    }

    @Test
    void anOutOfRangeRatingStoresNothing() {
        assertThatThrownBy(() -> record.run(store.request("p1", scores(5, 5, 5, 5, 5, 5, 5, 11), now)))
                .hasMessageContaining("balance");
        assertThat(ratings.count()).isZero();
        assertThat(images.count()).isZero();
    }
}
