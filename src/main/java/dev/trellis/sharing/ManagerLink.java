package dev.trellis.sharing;

import java.time.Instant;

/**
 * A link between a person ({@code employeeId}) and the person they named as their manager ({@code managerId}), both
 * Trellis person ids. It starts {@link State#PROPOSED} (the employee named the manager) or {@link State#CONFIRMED}
 * (imported by an operator, who vouches for it); only a confirmed link counts. {@code proposedBy}, {@code confirmedBy}
 * and {@code endedBy} are person ids, or {@link #OPERATOR} for an import.
 */
public record ManagerLink(String id, String employeeId, String managerId, State state, String proposedBy,
                          Instant proposedAt, String confirmedBy, Instant confirmedAt, String endedBy,
                          Instant endedAt) {

    /** Who vouches for an imported link, in place of a person id. */
    public static final String OPERATOR = "operator";

    public enum State {
        /** Named by the employee, not yet confirmed by the manager: gives nobody anything. */
        PROPOSED,
        /** Confirmed by the manager (or imported): the manager may see what the employee shares. */
        CONFIRMED,
        /** The named person said they are not the manager. */
        DECLINED,
        /** Ended by either side (or replaced by another manager). */
        ENDED;

        public boolean open() {
            return this == PROPOSED || this == CONFIRMED;
        }
    }

    public boolean confirmed() {
        return state == State.CONFIRMED;
    }

    /** Whether {@code personId} is one of the two people of this link. */
    public boolean involves(String personId) {
        return employeeId.equals(personId) || managerId.equals(personId);
    }
}
