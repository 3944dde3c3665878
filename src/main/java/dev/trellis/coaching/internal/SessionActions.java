package dev.trellis.coaching.internal;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/** Actions that log coaching sessions and let people rate them. */
final class SessionActions {

    private SessionActions() {
    }

    /**
     * {@code session.log} with optional {@code title}, {@code action} and {@code due} (ISO date): records that the
     * calling flow ran, for session feedback, and the step planned in it, for the next session to ask about.
     */
    @Component
    @ActionName("session.log")
    static final class Log implements ActionHandler {
        private final CoachingSessions sessions;

        Log(CoachingSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String title = in.optionalText("title");
            String action = in.optionalText("action");
            sessions.save(new CoachingSession(in.id(), in.personId(), request.flowId(),
                    title == null ? request.flowId() : title, in.now(), action == null || action.isBlank() ? null : action,
                    action == null || action.isBlank() ? null : in.optionalDate("due")));
            return Map.of("id", in.id());
        }
    }

    /**
     * {@code session.rate} with {@code rating} (1–5), optional {@code helped} and {@code improve}: rates the
     * person's last logged session. Returns {@code rated} false when there was no session to rate.
     */
    @Component
    @ActionName("session.rate")
    static final class Rate implements ActionHandler {
        private final CoachingSessions sessions;
        private final SessionRatings ratings;

        Rate(CoachingSessions sessions, SessionRatings ratings) {
            this.sessions = sessions;
            this.ratings = ratings;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            int rating = in.integer("rating", 1, 5);
            CoachingSession last = sessions.findFirstByPersonIdOrderByAtDesc(in.personId()).orElse(null);
            if (last == null) {
                return Map.of("rated", false);
            }
            ratings.save(new SessionRating(in.id(), in.personId(), last.id(), last.flowId(), rating,
                    in.optionalText("helped"), in.optionalText("improve"), in.now()));
            return Map.of("rated", true, "flowId", last.flowId(), "title", last.title());
        }
    }
}
