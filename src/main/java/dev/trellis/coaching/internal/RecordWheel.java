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
    private final WheelChart chart = new WheelChart();

    RecordWheel(WheelRatings ratings, ChartImageStore images) {
        this.ratings = ratings;
        this.images = images;
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
        images.save(new ChartImage(imageId, in.personId(), "image/png", chart.render(now, previous), in.now()));
        ratings.save(new WheelRating(in.id(), in.personId(), now.byKey(), in.optionalText("note"), imageId, in.now()));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", in.id());
        result.put("imageId", imageId);
        result.put("imageAlt", "Your career wheel" + (previous == null ? "" : ", compared with last time"));
        result.put("hasPrevious", previous != null);
        WheelArea lowest = now.lowest();
        result.put("lowest", lowest.key());
        result.put("lowestLabel", lowest.label());
        result.put("changed", false);
        String summary = "Your lowest area right now is " + lowest.label() + " (" + now.score(lowest) + ").";
        if (previous != null) {
            var change = now.biggestChangeSince(previous);
            if (change.isPresent()) {
                Wheel.Change c = change.get();
                result.put("changed", true);
                result.put("change", Map.of("area", c.area().key(), "label", c.area().label(), "from", (long) c.from(),
                        "to", (long) c.to(), "delta", (long) c.delta()));
                summary = "The biggest change since last time is " + c.area().label() + ": "
                        + (c.delta() > 0 ? "up" : "down") + " from " + c.from() + " to " + c.to() + ".";
            } else {
                summary = "Nothing has moved since last time.";
            }
        }
        result.put("summary", summary);
        return result;
    }
}
