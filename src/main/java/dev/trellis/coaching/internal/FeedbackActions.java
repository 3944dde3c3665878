package dev.trellis.coaching.internal;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/** Actions that keep feedback and recognition a person prepared. */
final class FeedbackActions {

    private FeedbackActions() {
    }

    /**
     * {@code feedback.record} with {@code recipient} and {@code behaviour}, optional {@code situation},
     * {@code impact}, {@code request} and {@code shared} (a person may skip a part); returns {@code id} and {@code count} (feedback prepared so far).
     */
    @Component
    @ActionName("feedback.record")
    static final class RecordFeedback implements ActionHandler {
        private final FeedbackNotes notes;

        RecordFeedback(FeedbackNotes notes) {
            this.notes = notes;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            notes.save(new Feedback(in.id(), in.personId(), Feedback.Kind.FEEDBACK, in.text("recipient"),
                    in.optionalText("situation"), in.text("behaviour"), in.optionalText("impact"), in.optionalText("request"),
                    in.flag("shared"), in.now()));
            return Map.of("id", in.id(), "count", notes.countByPersonIdAndKind(in.personId(), Feedback.Kind.FEEDBACK));
        }
    }

    /**
     * {@code recognition.record} with {@code recipient}, {@code behaviour} (what they did), optional
     * {@code impact}, {@code situation} and {@code shared}; returns {@code id} and {@code count}.
     */
    @Component
    @ActionName("recognition.record")
    static final class RecordRecognition implements ActionHandler {
        private final FeedbackNotes notes;

        RecordRecognition(FeedbackNotes notes) {
            this.notes = notes;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            notes.save(new Feedback(in.id(), in.personId(), Feedback.Kind.RECOGNITION, in.text("recipient"),
                    in.optionalText("situation"), in.text("behaviour"), in.optionalText("impact"), null, in.flag("shared"),
                    in.now()));
            return Map.of("id", in.id(),
                    "count", notes.countByPersonIdAndKind(in.personId(), Feedback.Kind.RECOGNITION));
        }
    }
}
