package dev.trellis.channel.slack;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.PersonIdentities;
import dev.trellis.privacy.ErasureParticipant;

/**
 * Erasure in Slack: peer-coaching invitations the person sent or received are withdrawn (an Accept clicked later
 * finds nothing), and what was cached about them from {@code users.info} is dropped.
 */
final class SlackErasure implements ErasureParticipant {

    private final PersonIdentities identities;
    private final PeerInvitations invitations;
    private final SlackPeople people;

    SlackErasure(PersonIdentities identities, PeerInvitations invitations, SlackPeople people) {
        this.identities = identities;
        this.invitations = invitations;
        this.people = people;
    }

    @Override
    public String name() {
        return "slack-invitations";
    }

    @Override
    public void erase(String personId) {
        for (PlatformIdentity identity : identities.of(personId)) {
            if (identity.platform().equals(SlackChannel.NAME)) {
                invitations.forget(identity.workspace(), identity.userId());
                people.forget(identity.userId());
            }
        }
    }
}
