package dev.trellis.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class WheelChartTest {

    private final WheelChart chart = new WheelChart();

    static Wheel wheel(int... scores) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        WheelArea[] areas = WheelArea.values();
        for (int i = 0; i < areas.length; i++) {
            byKey.put(areas[i].key(), scores[i]);
        }
        return Wheel.ofKeys(byKey);
    }

    @Test
    void chartIsAPngOfTheAdvertisedSizeWithSomethingDrawnOnIt() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.render(wheel(7, 5, 8, 4, 6, 3, 9, 2), null)));

        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(WheelChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(WheelChart.HEIGHT);
        assertThat(distinctColours(image)).hasSizeGreaterThan(10);
    }

    @Test
    void overlayingThePreviousWheelDrawsMoreThanTheWheelAlone() throws IOException {
        Wheel now = wheel(7, 5, 8, 4, 6, 3, 9, 2);
        BufferedImage alone = ImageIO.read(new ByteArrayInputStream(chart.render(now, null)));
        BufferedImage compared = ImageIO.read(new ByteArrayInputStream(chart.render(now, wheel(3, 3, 3, 3, 3, 3, 3, 3))));

        assertThat(differingPixels(alone, compared)).isGreaterThan(1000);
    }

    @Test
    void biggestChangeNamesTheAreaThatMovedMost() {
        Wheel before = wheel(5, 5, 5, 5, 5, 5, 5, 5);
        Wheel after = wheel(6, 5, 5, 2, 5, 7, 5, 5);

        assertThat(after.biggestChangeSince(before)).contains(new Wheel.Change(WheelArea.VARIETY, 5, 2));
        assertThat(before.biggestChangeSince(before)).isEmpty();
        assertThat(after.lowest()).isEqualTo(WheelArea.VARIETY);
    }

    @Test
    void ratingsOutsideOneToTenOrMissingAreasAreRefused() {
        assertThatThrownBy(() -> wheel(0, 5, 5, 5, 5, 5, 5, 5)).hasMessageContaining("growth");
        assertThatThrownBy(() -> Wheel.ofKeys(Map.of("growth", 5))).hasMessageContaining("purpose");
        assertThatThrownBy(() -> Wheel.ofKeys(Map.of("money", 5))).hasMessageContaining("money");
    }

    private static Set<Integer> distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours;
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    count++;
                }
            }
        }
        return count;
    }
}
