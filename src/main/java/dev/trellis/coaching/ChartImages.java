package dev.trellis.coaching;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.trellis.coaching.internal.ChartImageStore;

/**
 * The read side of the charts conversations show ({@code Outbound} of kind IMAGE names one by {@code imageId}):
 * a channel fetches the PNG to display or upload it. Only the owner may see a chart.
 */
@Service
public class ChartImages {

    /** A chart image: its bytes and content type ({@code image/png}). */
    public record Image(String id, String contentType, byte[] data) {
    }

    private final ChartImageStore store;

    public ChartImages(ChartImageStore store) {
        this.store = store;
    }

    /** The image {@code imageId} if it exists and belongs to {@code personId}; empty otherwise. */
    public Optional<Image> find(String imageId, String personId) {
        return store.findById(imageId).filter(image -> image.personId().equals(personId))
                .map(image -> new Image(image.id(), image.contentType(), image.data()));
    }
}
