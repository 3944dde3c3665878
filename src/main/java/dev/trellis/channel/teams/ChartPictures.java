package dev.trellis.channel.teams;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

import javax.imageio.ImageIO;

import dev.trellis.coaching.ChartImages;

/**
 * A conversation's chart as a {@code data:} URI for an Adaptive Card's Image: Teams shows inline images without a
 * public URL, but the whole activity must stay under 28 KB, so a larger chart is scaled down until it fits.
 */
final class ChartPictures {

    /** Bytes of PNG the card may carry (base64 adds a third). */
    static final int MAX_BYTES = 18_000;
    private static final int MIN_WIDTH = 160;

    private final ChartImages charts;

    ChartPictures(ChartImages charts) {
        this.charts = charts;
    }

    /** The chart as a data URI, or null when it does not exist, is not the person's, or cannot be made small enough. */
    String dataUri(String imageId, String personId) {
        if (imageId == null || personId == null) {
            return null;
        }
        Optional<ChartImages.Image> chart = charts.find(imageId, personId);
        if (chart.isEmpty()) {
            return null;
        }
        byte[] png = fitting(chart.get().data());
        return png == null ? null : "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static byte[] fitting(byte[] png) {
        if (png.length <= MAX_BYTES) {
            return png;
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            while (image != null && image.getWidth() >= MIN_WIDTH) {
                image = scaled(image, 0.75);
                byte[] smaller = encode(image);
                if (smaller.length <= MAX_BYTES) {
                    return smaller;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        int width = (int) (image.getWidth() * factor);
        int height = (int) (image.getHeight() * factor);
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = result.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return result;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
