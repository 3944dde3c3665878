package dev.trellis.sharing;

import java.util.List;
import java.util.Optional;

/**
 * Who is whose manager. Only a confirmed link counts: a link the person proposed and the manager has not confirmed
 * yet, or one either side ended, gives nobody access to anything.
 */
public interface ManagerLinks {

    /** The person id of this person's confirmed manager, if there is one. */
    Optional<String> managerOf(String personId);

    /** The person ids of the people whose confirmed manager this person is. */
    List<String> reportsOf(String managerId);
}
