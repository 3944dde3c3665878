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
 * import). Erasing either side removes the links (which ends them: nothing is shared over a link that is gone), the
 * pending request to confirm one, and the 1:1 series' reminders that rest on an open one.
 */
@Component
final class ManagerLinkData implements ErasureParticipant, ExportParticipant {

    /**
     * The names coaching gives the reminders that rest on a link (ManagerActions, OneOnOneSeries): the request to
     * confirm, and the 1:1 series' reminders of the manager (per report) and of the employee.
     */
    private static final String ASK_PREFIX = "manager-link-";
    private static final String NUDGE_PREFIX = "manager-nudge-";
    private static final String MANAGER_AFTER_PREFIX = "one-on-one-after-";
    private static final List<String> EMPLOYEE_SERIES = List.of("one-on-one-prep", "one-on-one-after");

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
            if (link.state().open()) {
                // the other side's reminders name the erased person: they go now, not when they would have fired
                reminders.cancel(link.managerId(), NUDGE_PREFIX + link.employeeId());
                reminders.cancel(link.managerId(), MANAGER_AFTER_PREFIX + link.employeeId());
                EMPLOYEE_SERIES.forEach(name -> reminders.cancel(link.employeeId(), name));
            }
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
