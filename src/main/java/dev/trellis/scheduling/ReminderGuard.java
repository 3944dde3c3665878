package dev.trellis.scheduling;

import java.util.Map;
import java.util.Optional;

/**
 * Asked when a reminder fires, before anything is handed in: whether it still has someone to go to. A reminder for a
 * person who was erased, or a 1:1 nudge whose manager link has ended, is dropped silently (the person hears nothing)
 * and recorded in the reminder log; a recurring one stops. Features that own such facts (identity, manager links)
 * provide a guard; none may block for long, and a guard that throws lets the occurrence be tried again.
 */
public interface ReminderGuard {

    /**
     * Empty when the reminder may go; otherwise why it is dropped, in words an operator reads in the log (ids only,
     * never a person's text).
     *
     * @param ids the record ids the reminder carries (a goal id, a 1:1 series id)
     */
    Optional<String> drop(String personId, String flowId, Map<String, String> ids);
}
