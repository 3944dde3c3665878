package dev.trellis.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is whose manager. Only a confirmed link counts: a link the person proposed and the manager has not confirmed
 * yet, or one either side ended, gives nobody access to anything. A person has at most one open (proposed or
 * confirmed) link to a manager; naming another ends the open one. Every change is idempotent: confirming twice, ending
 * twice or importing the same pair twice leaves the same link.
 */
public interface ManagerLinks {

    /** The person id of this person's confirmed manager, if there is one. */
    Optional<String> managerOf(String personId);

    /** The person ids of the people whose confirmed manager this person is. */
    List<String> reportsOf(String managerId);

    /** The person's open link to a manager (proposed or confirmed), if any. */
    Optional<ManagerLink> openLinkOf(String employeeId);

    /** Links naming this person as manager that wait for their answer, oldest first. */
    List<ManagerLink> awaiting(String managerId);

    Optional<ManagerLink> find(String linkId);

    /**
     * The employee names {@code managerId}: a proposed link, or the open link to that manager when there is one
     * already (it stays as it is). An open link to someone else is ended first, by the employee.
     *
     * @throws IllegalArgumentException when a person names themselves
     */
    ManagerLink propose(String employeeId, String managerId, Instant at);

    /**
     * The named manager confirms. Empty when the link is not one naming {@code managerId} or is no longer open;
     * confirming a confirmed link returns it unchanged.
     */
    Optional<ManagerLink> confirm(String linkId, String managerId, Instant at);

    /** The named manager says they are not; empty unless the link names them and waits for their answer. */
    Optional<ManagerLink> decline(String linkId, String managerId, Instant at);

    /** Either side ends the link. Empty when {@code personId} is not one of its two people; an ended link stays ended. */
    Optional<ManagerLink> end(String linkId, String personId, Instant at);

    /**
     * An operator's import: the link is confirmed at once (the operator vouches for it). A proposal to the same
     * manager is confirmed; an open link to another manager is ended (by the operator). With {@code dryRun} nothing
     * is written and the outcome says what would happen.
     */
    ImportOutcome importConfirmed(String employeeId, String managerId, Instant at, boolean dryRun);

    /** What an import did (or would do) to one pair. */
    enum ImportOutcome { ADDED, CONFIRMED_PROPOSAL, REPLACED, UNCHANGED }

    /** Every link of the person, on either side and in any state, oldest first (their export). */
    List<ManagerLink> history(String personId);

    /** Removes every link of the person, on either side (erasure); returns what was removed. */
    List<ManagerLink> forget(String personId);
}
