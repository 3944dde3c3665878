package dev.trellis.identity;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/** The actions of the {@code link} flow: make a one-time code in one chat, redeem it in another. */
final class LinkActions {

    private static final Logger log = LoggerFactory.getLogger(LinkActions.class);

    private LinkActions() {
    }

    /**
     * {@code identity.linkCode}: a new code for the person ({@code code}, {@code minutes}). A turn applied again makes
     * a second code rather than showing the first (only hashes are stored); both belong to the same person and expire.
     */
    @Component
    @ActionName("identity.linkCode")
    static final class Create implements ActionHandler {

        private final LinkCodes codes;

        Create(LinkCodes codes) {
            this.codes = codes;
        }

        @Override
        public Map<String, Object> run(Request request) {
            return Map.of("code", codes.create(request.personId(), request.now()),
                    "minutes", LinkCodes.LIFETIME.toMinutes());
        }
    }

    /**
     * {@code identity.link} with {@code code}: joins this chat's person into the person who made the code.
     * Answers {@code linked} and a {@code reason}: {@code unknown} (no such live code), {@code same} (a code of this
     * very person) or empty.
     */
    @Component
    @ActionName("identity.link")
    static final class Redeem implements ActionHandler {

        private final LinkCodes codes;
        private final MongoPersonDirectory directory;

        Redeem(LinkCodes codes, MongoPersonDirectory directory) {
            this.codes = codes;
            this.directory = directory;
        }

        @Override
        public Map<String, Object> run(Request request) {
            Object typed = request.args().get("code");
            String into = codes.redeem(typed == null ? null : String.valueOf(typed), request.idempotencyKey(),
                    request.now()).orElse(null);
            if (into == null) {
                return Map.of("linked", false, "reason", "unknown");
            }
            if (into.equals(request.personId())) {
                return Map.of("linked", false, "reason", "same");
            }
            directory.merge(request.personId(), into);
            log.info("Person {} linked into person {} from conversation {}", request.personId(), into,
                    request.conversationId());
            return Map.of("linked", true, "reason", "");
        }
    }
}
