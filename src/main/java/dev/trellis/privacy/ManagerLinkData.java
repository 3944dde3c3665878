package dev.trellis.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.scheduling.Reminders;
import dev.trellis.sharing.ManagerLink;
import dev.trellis.sharing.ManagerLinks;

/**
 * Manager links take part in export and erasure. The export lists every link the person is part of, as employee or
 * as manager, with when and by whom it was proposed, confirmed and ended (person ids; {@code operator} for an
 * import). Erasing either side removes the links (which ends them: nothing is shared over a link that is gone) and
 * the other side's pending request to confirm one.
 */
@Component
final class ManagerLinkData implements ErasureParticipant, ExportParticipant {

    /** The name the manager flow gives the reminder that asks a manager to confirm (see coaching's ManagerActions). */
    private static final String ASK_PREFIX = "manager-link-";

    private final ManagerLinks links;
    private final Reminders reminders;

    ManagerLinkData(ManagerLinks links, Reminders reminders) {
        this.links = links;
        this.reminders = reminders;
    }

    @Override
    public String name() {
        return "managerLinks";
    }

    @Override
    public void erase(String personId) {
        for (ManagerLink link : links.history(personId)) {
            reminders.cancel(link.managerId(), ASK_PREFIX + link.id());
            reminders.cancel(link.employeeId(), ASK_PREFIX + link.id());
        }
        links.forget(personId);
    }

    @Override
    public Map<String, Object> export(String personId) {
        List<Map<String, Object>> all = links.history(personId).stream().map(link -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", link.id());
            m.put("role", link.employeeId().equals(personId) ? "employee" : "manager");
            m.put("employee", link.employeeId());
            m.put("manager", link.managerId());
            m.put("state", link.state().name().toLowerCase());
            m.put("proposedBy", link.proposedBy());
            m.put("proposedAt", link.proposedAt());
            if (link.confirmedAt() != null) {
                m.put("confirmedBy", link.confirmedBy());
                m.put("confirmedAt", link.confirmedAt());
            }
            if (link.endedAt() != null) {
                m.put("endedBy", link.endedBy());
                m.put("endedAt", link.endedAt());
            }
            return m;
        }).toList();
        return all.isEmpty() ? Map.of() : Map.of("links", all);
    }
}
