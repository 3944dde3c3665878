package dev.trellis.coaching;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.RadarChart;
import org.knowm.xchart.RadarSeries;
import org.knowm.xchart.style.Styler;

/**
 * Draws a career wheel as a radar chart PNG: the eight areas as spokes, the current rating filled, and the
 * previous rating (when there is one) as a second series so the change is visible at a glance.
 */
public final class WheelChart {

    public static final int WIDTH = 760;
    public static final int HEIGHT = 560;

    private static final Color NOW = new Color(0x2E7D32);
    private static final Color BEFORE = new Color(0x9E9E9E);

    /**
     * The words drawn on the chart, in the person's language: its {@code title}, one label per {@link WheelArea} in
     * their order, and the names of the {@code before} and {@code now} series.
     */
    public record Labels(String title, java.util.List<String> areas, String before, String now) {
        public Labels {
            if (areas.size() != WheelArea.values().length) {
                throw new IllegalArgumentException("one label per wheel area");
            }
            areas = java.util.List.copyOf(areas);
        }

        /** The English words. */
        public static Labels english() {
            return new Labels("Career wheel", Arrays.stream(WheelArea.values()).map(WheelArea::label).toList(),
                    "Before", "Now");
        }
    }

    /** The PNG bytes of the chart, in English. */
    public byte[] render(Wheel now, Wheel previous) {
        return render(now, previous, Labels.english());
    }

    /**
     * The PNG bytes of the chart.
     *
     * @param previous the earlier wheel to overlay, or null
     */
    public byte[] render(Wheel now, Wheel previous, Labels labels) {
        RadarChart chart = new RadarChart(WIDTH, HEIGHT);
        chart.setTitle(labels.title());
        chart.setRadiiLabels(labels.areas().toArray(String[]::new));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setChartBackgroundColor(Color.WHITE)
                .setAntiAlias(true);
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setRadiiTickMarksCount(Wheel.MAX).setSeriesFilled(true);
        if (previous != null) {
            RadarSeries before = chart.addSeries(labels.before(), fractions(previous));
            before.setLineColor(BEFORE);
            before.setFillColor(withAlpha(BEFORE, 60));
            chart.getStyler().setSeriesColors(new Color[] {BEFORE, NOW});
        } else {
            chart.getStyler().setSeriesColors(new Color[] {NOW});
        }
        RadarSeries current = chart.addSeries(labels.now(), fractions(now));
        current.setLineColor(NOW);
        current.setFillColor(withAlpha(NOW, 90));
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the wheel chart", e);
        }
    }

    /** XChart's radar wants 0–1 per spoke. */
    private static double[] fractions(Wheel wheel) {
        return Arrays.stream(WheelArea.values()).mapToDouble(area -> wheel.score(area) / (double) Wheel.MAX).toArray();
    }

    private static Color withAlpha(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }
}
