package dev.trellis.engine.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.TranscriptEntry;

/**
 * Applies the {@link FreeTextCodec} to every piece of free text in what a conversation stores: variable values
 * (including those of callers and of {@code back} snapshots), outbound texts and labels (they may quote the person)
 * and transcript lines. Reading also restores the value types the engine works with: BSON may hand back an
 * {@code Integer} or a {@code Float} where the state held a {@code Long} or a {@code Double}.
 */
final class TextSealing {

    private final FreeTextCodec codec;

    TextSealing(FreeTextCodec codec) {
        this.codec = codec;
    }

    ConversationState seal(String owner, ConversationState state) {
        return mapVars(state, vars -> sealValues(owner, vars));
    }

    ConversationState open(String owner, ConversationState state) {
        return mapVars(state, vars -> openValues(owner, vars));
    }

    Outbound seal(String owner, Outbound message) {
        return mapTexts(message, text -> codec.seal(owner, text));
    }

    Outbound open(String owner, Outbound message) {
        return mapTexts(message, text -> codec.open(owner, text));
    }

    /** A single piece of text (a refused timer's reason, which may quote a value computed from an answer). */
    String seal(String owner, String text) {
        return codec.seal(owner, text);
    }

    String open(String owner, String stored) {
        return codec.open(owner, stored);
    }

    TranscriptEntry seal(String owner, TranscriptEntry entry) {
        return new TranscriptEntry(entry.seq(), entry.direction(), codec.seal(owner, entry.text()),
                entry.message() == null ? null : seal(owner, entry.message()), entry.at());
    }

    TranscriptEntry open(String owner, TranscriptEntry entry) {
        return new TranscriptEntry(entry.seq(), entry.direction(), codec.open(owner, entry.text()),
                entry.message() == null ? null : open(owner, entry.message()), entry.at());
    }

    private static ConversationState mapVars(ConversationState s, UnaryOperator<Map<String, Object>> f) {
        List<ConversationState.Frame> stack = s.stack().stream()
                .map(frame -> new ConversationState.Frame(frame.flowId(), frame.flowVersion(), frame.stepId(),
                        f.apply(frame.vars())))
                .toList();
        List<ConversationState.Snapshot> history = s.history().stream()
                .map(snapshot -> new ConversationState.Snapshot(snapshot.stepId(), f.apply(snapshot.vars()),
                        snapshot.actions()))
                .toList();
        return new ConversationState(s.flowId(), s.flowVersion(), s.stepId(), f.apply(s.vars()), s.status(),
                s.attempts(), stack, history, s.turn(), s.question(), s.wakeAt(), s.lastActivityAt(),
                s.startedAt(), s.profile(), s.actions(), s.timers());
    }

    private static Outbound mapTexts(Outbound m, UnaryOperator<String> f) {
        List<Outbound.Choice> choices = m.choices().stream()
                .map(choice -> new Outbound.Choice(choice.value(), f.apply(choice.label())))
                .toList();
        return new Outbound(m.id(), m.kind(), f.apply(m.text()), choices, m.multiple(), m.min(), m.max(),
                m.minLabel(), m.maxLabel(), m.controlId(), m.imageId());
    }

    private Map<String, Object> sealValues(String owner, Map<String, Object> vars) {
        return walkMap(vars, text -> codec.seal(owner, text), false);
    }

    private Map<String, Object> openValues(String owner, Map<String, Object> vars) {
        return walkMap(vars, stored -> codec.open(owner, stored), true);
    }

    private static Map<String, Object> walkMap(Map<?, ?> map, UnaryOperator<String> text, boolean widen) {
        if (map == null) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), walk(value, text, widen)));
        return result;
    }

    private static Object walk(Object value, UnaryOperator<String> text, boolean widen) {
        if (value instanceof String s) {
            return text.apply(s);
        }
        if (value instanceof Map<?, ?> map) {
            return walkMap(map, text, widen);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add(walk(item, text, widen)));
            return result;
        }
        if (widen && (value instanceof Integer || value instanceof Short || value instanceof Byte)) {
            return ((Number) value).longValue();
        }
        if (widen && value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }
}
