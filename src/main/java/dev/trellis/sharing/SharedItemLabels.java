package dev.trellis.sharing;

import java.util.Optional;

/**
 * Names a person's own items for them ({@code /coach privacy} lists what they share): implemented where the items are
 * kept. Only ever asked on the owner's behalf.
 */
public interface SharedItemLabels {

    /** The owner's words for the item (a goal's title, a talking point), or empty when it no longer exists. */
    Optional<String> label(String ownerId, SharedItem item);
}
