package dev.trellis.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.sharing.Consent;
import dev.trellis.sharing.Consents;

/**
 * What a person shares takes part in their data rights: the export lists every consent they gave (in force or
 * withdrawn, with both times), and erasure first withdraws what they share with others, so nobody sees it from that
 * moment, then removes the consent records.
 */
@Component
class SharingDataRights implements ExportParticipant, ErasureParticipant {

    private final Consents consents;
    private final Clock clock;

    SharingDataRights(Consents consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "shares";
    }

    @Override
    public Map<String, Object> export(String personId) {
        List<Consent> all = consents.all(personId);
        if (all.isEmpty()) return Map.of();
        List<Map<String, Object>> listed = all.stream().map(c -> {
            Map<String, Object> consent = new LinkedHashMap<>();
            consent.put("item", c.item().kind());
            consent.put("itemId", c.item().id());
            consent.put("sharedWith", c.audience().flowName());
            consent.put("givenAt", c.givenAt());
            if (c.withdrawnAt() != null) consent.put("withdrawnAt", c.withdrawnAt());
            return consent;
        }).toList();
        return Map.of("consents", listed);
    }

    @Override
    public void erase(String personId) {
        consents.withdrawAll(personId, clock.instant());
        consents.forget(personId);
    }
}
