package dev.trellis.sharing;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.trellis.identity.PersonsMerged;

/** Two identities became one person: their manager links move with the rest of their data. */
@Component
final class LinksFollowMergedPeople {

    private final MongoManagerLinks links;

    LinksFollowMergedPeople(MongoManagerLinks links) {
        this.links = links;
    }

    @EventListener
    void on(PersonsMerged merged) {
        links.move(merged.from(), merged.into());
    }
}
