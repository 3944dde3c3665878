package dev.trellis.sharing;

/**
 * Who coaches whom in peer coaching. Implemented where peer sessions are kept; sharing only asks it, so that a peer
 * coach sees what a person shared with them only while a session they agreed to says so.
 */
public interface PeerCoaches {

    /** Whether {@code coachId} coaches {@code personId} in a peer session {@code personId} agreed to. */
    boolean isPeerCoachOf(String coachId, String personId);
}
