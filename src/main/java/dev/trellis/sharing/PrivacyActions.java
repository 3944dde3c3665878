package dev.trellis.sharing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;
import dev.trellis.flow.MessageBundle;

/** The actions of {@code /coach privacy}: what the person shares with whom, and taking it back. */
final class PrivacyActions {

    /** The value of the option that keeps everything as it is. */
    static final String KEEP = "keep";

    private PrivacyActions() {
    }

    /**
     * {@code sharing.list}: the person's consents in force, as {@code items} (each {@code id} and {@code label}, in
     * the person's words and locale), followed by an option to keep everything; {@code count} and {@code text} (a
     * numbered list, so a typed number picks one).
     */
    @Component
    @ActionName("sharing.list")
    static final class ListShares implements ActionHandler {
        private final Consents consents;
        private final ObjectProvider<SharedItemLabels> labels;
        private final ObjectProvider<MessageBundle> messages;

        ListShares(Consents consents, ObjectProvider<SharedItemLabels> labels, ObjectProvider<MessageBundle> messages) {
            this.consents = consents;
            this.labels = labels;
            this.messages = messages;
        }

        @Override
        public Map<String, Object> run(Request request) {
            List<Map<String, Object>> items = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (Consent consent : consents.active(request.personId())) {
                String label = label(request, consent);
                items.add(Map.of("id", consent.id(), "label", label));
                lines.add(items.size() + ". " + label);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("count", (long) items.size());
            result.put("text", String.join("\n", lines));
            List<Map<String, Object>> options = new ArrayList<>(items);
            options.add(Map.of("id", KEEP, "label", text(messages, request.locale(), "privacy.keepAll", Map.of())));
            result.put("items", options);
            return result;
        }

        private String label(Request request, Consent consent) {
            SharedItemLabels names = labels.getIfAvailable();
            Optional<String> words = names == null ? Optional.empty() : names.label(request.personId(), consent.item());
            String kind = text(messages, request.locale(), "privacy.kind." + consent.item().kind(), Map.of());
            String audience = text(messages, request.locale(), "privacy.audience." + consent.audience().flowName(),
                    Map.of());
            return text(messages, request.locale(), "privacy.item", Map.of("kind", kind,
                    "label", words.map(w -> w.length() > 60 ? w.substring(0, 59) + "…" : w).orElse("—"),
                    "audience", audience));
        }
    }

    /**
     * {@code sharing.withdraw} with {@code consent} (an id from {@code sharing.list}, or {@code keep}): withdraws that
     * consent of the person now, so the item is hidden from that audience at once; returns {@code withdrawn}.
     * Another person's consent id withdraws nothing.
     */
    @Component
    @ActionName("sharing.withdraw")
    static final class Withdraw implements ActionHandler {
        private final Consents consents;

        Withdraw(Consents consents) {
            this.consents = consents;
        }

        @Override
        public Map<String, Object> run(Request request) {
            Object consent = request.args().get("consent");
            if (consent == null || KEEP.equals(consent)) return Map.of("withdrawn", false);
            return Map.of("withdrawn", consents.withdraw(request.personId(), String.valueOf(consent), request.now()));
        }
    }

    static String text(ObjectProvider<MessageBundle> messages, String locale, String key, Map<String, String> values) {
        MessageBundle bundle = messages.getIfAvailable();
        List<String> variants = bundle == null ? List.of() : bundle.variants(locale, key);
        if (variants.isEmpty()) throw new IllegalStateException("no message '" + key + "'");
        // one pass, so a person's words that look like a placeholder stay words
        return java.util.regex.Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}").matcher(variants.get(0))
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
}
