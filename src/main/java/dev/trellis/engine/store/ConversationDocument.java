package dev.trellis.engine.store;

import java.time.Instant;
import java.util.List;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.TranscriptEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One conversation as stored: everything a turn changes lives in this one document, so state, transcript, the
 * messages still to deliver and the effects still to relay are written together, atomically, without transactions.
 * Free text in it is sealed by the {@code FreeTextCodec}. Its size is bounded: the transcript keeps its latest
 * entries, {@code recentEvents} its latest keys, the state's {@code back} history its latest steps, and delivered
 * messages and relayed effects leave it (see {@link OutboxStore#lease}).
 *
 * @param lastSeq      the last transcript sequence number handed out
 * @param recentEvents inbox keys ({@code channel:eventId}) of the latest events applied, so a re-processed event
 *                     is not applied twice
 * @param sendLeaseUntil while set and in the future, the sender holding {@code sendOwner} delivers {@code pending};
 *                     others keep off
 * @param sendOwner    the token of the sender holding the outbox (new for every lease)
 * @param wakeAt       when the idle sweep sends the next tick: the state's {@code wakeAt}, unless the engine just
 *                     turned down a tick for that moment (then nothing, until a later turn sets a new one)
 * @param effects      effects of stored turns not yet relayed, oldest first
 * @param lastEffect   the last effect number handed out (effect ids are {@code <id>:<n>})
 * @param personId     the Trellis person the conversation belongs to: whose data key seals its text
 */
@Document(ConversationDocument.COLLECTION)
record ConversationDocument(@Id String id, @Version Long version, ConversationState state, Recipient recipient,
                            List<PendingMessage> pending, List<TranscriptEntry> transcript, Long lastSeq,
                            List<String> recentEvents, Instant sendLeaseUntil, String sendOwner, Instant wakeAt,
                            Instant updatedAt, List<StoredEffect> effects, Long lastEffect, String personId) {

    static final String COLLECTION = "conversations";

    ConversationDocument {
        pending = pending == null ? List.of() : List.copyOf(pending);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        recentEvents = recentEvents == null ? List.of() : List.copyOf(recentEvents);
        lastSeq = lastSeq == null ? 0L : lastSeq;
        effects = effects == null ? List.of() : List.copyOf(effects);
        lastEffect = lastEffect == null ? 0L : lastEffect;
    }

    /** Whose key seals the text: the person, or for documents written before the field existed, the recipient's. */
    String owner() {
        return personId != null ? personId : recipient == null ? null : recipient.personId();
    }
}
