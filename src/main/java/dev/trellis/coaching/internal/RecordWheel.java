package dev.trellis.coaching.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.coaching.Wheel;
import dev.trellis.coaching.WheelArea;
import dev.trellis.coaching.WheelChart;
import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/**
 * {@code wheel.record}: stores a career-wheel rating and its radar chart (overlaying the previous wheel when
 * there is one). Scores come as {@code scores} (a map by area key) or as one argument per area
 * ({@code growth: 7, ...}). Returns {@code id}, {@code imageId} (the stored PNG) and {@code imageAlt},
 * {@code hasPrevious}, {@code changed}, {@code summary} (the biggest change, or the lowest area the first time),
 * {@code lowest}/{@code lowestLabel}, and {@code change} ({@code area, label, from, to, delta}) when something moved.
 */
@Component
@ActionName("wheel.record")
final class RecordWheel implements ActionHandler {

    private final WheelRatings ratings;
    private final ChartImageStore images;
    private final CoachingTexts texts;
    private final WheelChart chart = new WheelChart();

    RecordWheel(WheelRatings ratings, ChartImageStore images, CoachingTexts texts) {
        this.ratings = ratings;
        this.images = images;
        this.texts = texts;
    }

    @Override
    public Map<String, Object> run(Request request) {
        ActionInput in = new ActionInput(request);
        Map<String, Object> byKey = new LinkedHashMap<>(in.map("scores"));
        for (WheelArea area : WheelArea.values()) {
            if (in.raw(area.key()) != null) {
                byKey.put(area.key(), in.raw(area.key()));
            }
        }
        Wheel now = Wheel.ofKeys(byKey);
        Wheel previous = ratings.findTop2ByPersonIdOrderByAtDesc(in.personId()).stream()
                .filter(rating -> !rating.id().equals(in.id())).findFirst().map(WheelRating::wheel).orElse(null);
        String imageId = in.idFor("chart");
        String locale = request.locale();
        WheelChart.Labels labels = new WheelChart.Labels(say(locale, "title"),
                java.util.Arrays.stream(WheelArea.values()).map(area -> label(locale, area)).toList(),
                say(locale, "before"), say(locale, "now"));
        images.save(new ChartImage(imageId, in.personId(), "image/png", chart.render(now, previous, labels), in.now()));
        ratings.save(new WheelRating(in.id(), in.personId(), now.byKey(), in.optionalText("note"), imageId, in.now()));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", in.id());
        result.put("imageId", imageId);
        result.put("imageAlt", say(locale, previous == null ? "imageAlt" : "imageAltCompared"));
        result.put("hasPrevious", previous != null);
        WheelArea lowest = now.lowest();
        result.put("lowest", lowest.key());
        result.put("lowestLabel", label(locale, lowest));
        result.put("changed", false);
        String summary = texts.text(locale, "coaching.wheel.lowest",
                Map.of("area", label(locale, lowest), "score", now.score(lowest)));
        if (previous != null) {
            var change = now.biggestChangeSince(previous);
            if (change.isPresent()) {
                Wheel.Change c = change.get();
                result.put("changed", true);
                result.put("change", Map.of("area", c.area().key(), "label", label(locale, c.area()),
                        "from", (long) c.from(), "to", (long) c.to(), "delta", (long) c.delta()));
                summary = texts.text(locale, c.delta() > 0 ? "coaching.wheel.up" : "coaching.wheel.down",
                        Map.of("area", label(locale, c.area()), "from", c.from(), "to", c.to()));
            } else {
                summary = say(locale, "unchanged");
            }
        }
        result.put("summary", summary);
        return result;
    }

    /** The area's name in the person's language ({@code coaching.wheel.area.<key>}). */
    private String label(String locale, WheelArea area) {
        return texts.text(locale, "coaching.wheel.area." + area.key(), Map.of());
    }

    private String say(String locale, String key) {
        return texts.text(locale, "coaching.wheel." + key, Map.of());
    }
}
