package dev.trellis.coaching.internal;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

import dev.trellis.engine.FreeTextCodec;

/**
 * Seals the free text of coaching records with their owner's data key on every write, and opens it on every read,
 * whatever does the reading (a repository, or a raw {@code Document} read for export). Ids, dates, statuses and
 * ratings stay in clear: they are what queries and indexes use. A record is owned by its {@code personId}.
 *
 * <p>Only whole-document writes pass here: an {@code Update} that sets one of these fields would store it in clear,
 * so coaching code does not write them that way.
 */
@Component
final class SealedFields extends AbstractMongoEventListener<Object> {

    /** Free-text fields per collection; {@code a.b} is field {@code b} of each sub-document in list {@code a}. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "goals", List.of("title", "measure", "why"),
            "checkins", List.of("note", "obstacle", "nextStep"),
            "wheels", List.of("note"),
            "plans", List.of("aspiration", "skillGaps.skill", "activities.description"),
            "oneOnOnes", List.of("talkingPoints.text", "agreedActions.text"),
            "peerSessions", List.of("agenda", "insight", "nextStep"),
            "feedback", List.of("recipient", "situation", "behaviour", "impact", "request"),
            "sessionRatings", List.of("helped", "improve"),
            "sessions", List.of("action"));
    private static final String OWNER = "personId";

    private final FreeTextCodec codec;

    SealedFields(FreeTextCodec codec) {
        this.codec = codec;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<Object> event) {
        apply(event.getCollectionName(), event.getDocument(), codec::seal);
    }

    @Override
    public void onAfterLoad(AfterLoadEvent<Object> event) {
        apply(event.getCollectionName(), event.getDocument(), codec::open);
    }

    private static void apply(String collection, Document document, BiFunction<String, String, String> f) {
        List<String> fields = FIELDS.get(collection);
        if (fields == null || document == null) {
            return;
        }
        String owner = document.getString(OWNER);
        for (String field : fields) {
            int dot = field.indexOf('.');
            if (dot < 0) {
                map(document, field, owner, f);
            } else if (document.get(field.substring(0, dot)) instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Document sub) {
                        map(sub, field.substring(dot + 1), owner, f);
                    }
                }
            }
        }
    }

    private static void map(Document document, String field, String owner, BiFunction<String, String, String> f) {
        if (document.get(field) instanceof String text) {
            document.put(field, f.apply(owner, text));
        }
    }
}
