package dev.trellis.coaching.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.trellis.scheduling.ReminderGuard;
import dev.trellis.sharing.ManagerLink;
import dev.trellis.sharing.ManagerLinks;

/**
 * Drops reminders that rest on a manager link which no longer holds: a request to confirm a link that was withdrawn
 * or answered meanwhile, and a 1:1 reminder (prep or nudge) of a pair whose link ended. The person hears nothing;
 * the reminder log records why (ids only).
 */
@Component
final class ManagerLinkGuard implements ReminderGuard {

    private final ManagerLinks links;

    ManagerLinkGuard(ManagerLinks links) {
        this.links = links;
    }

    @Override
    public Optional<String> drop(String personId, String flowId, Map<String, String> ids) {
        String link = ids.get("link");
        if (ManagerActions.FLOW.equals(flowId) && link != null) {
            boolean waiting = links.find(link).filter(l -> l.state() == ManagerLink.State.PROPOSED).isPresent();
            return waiting ? Optional.empty() : Optional.of("manager link " + link + " no longer waits for an answer");
        }
        String report = ids.get("report");
        if (report != null && !links.managerOf(report).filter(personId::equals).isPresent()) {
            return Optional.of("manager link of " + report + " to " + personId + " ended");
        }
        String manager = ids.get("manager");
        if (manager != null && !links.managerOf(personId).filter(manager::equals).isPresent()) {
            return Optional.of("manager link of " + personId + " to " + manager + " ended");
        }
        return Optional.empty();
    }
}
