package dev.trellis.sharing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Manager links in MongoDB ({@code managerLinks}). The unique index on {@code open} is what makes every change
 * idempotent without transactions: an open link carries its employee's person id there, so a person has at most
 * one open link and two imports or proposals racing each other store one; a closed link carries its own id instead
 * (unique too, and never null, so the embedded server's unique index needs no sparse option). State changes are
 * single-document {@code findAndModify} calls conditional on the state they change from.
 */
@Component
final class MongoManagerLinks implements ManagerLinks, SmartInitializingSingleton {

    static final String COLLECTION = "managerLinks";
    private static final String OPEN = "open";

    @Document(COLLECTION)
    record Stored(@Id String id, String open, String employeeId, String managerId, ManagerLink.State state,
                  String proposedBy, Instant proposedAt, String confirmedBy, Instant confirmedAt, String endedBy,
                  Instant endedAt) {

        ManagerLink link() {
            return new ManagerLink(id, employeeId, managerId, state, proposedBy, proposedAt, confirmedBy,
                    confirmedAt, endedBy, endedAt);
        }
    }

    private final MongoTemplate mongo;

    MongoManagerLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(COLLECTION).createIndex(new Index(OPEN, Sort.Direction.ASC).unique().named("open_unique"));
        // the embedded server ignores these; a real MongoDB uses them for a manager's reports and erasure
        mongo.indexOps(COLLECTION).createIndex(new Index("managerId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index("employeeId", Sort.Direction.ASC));
    }

    @Override
    public Optional<String> managerOf(String personId) {
        return openLinkOf(personId).filter(ManagerLink::confirmed).map(ManagerLink::managerId);
    }

    @Override
    public List<String> reportsOf(String managerId) {
        return mongo.find(query(where("managerId").is(managerId).and("state").is(ManagerLink.State.CONFIRMED)),
                Stored.class).stream().sorted(Comparator.comparing(Stored::proposedAt)).map(Stored::employeeId)
                .toList();
    }

    @Override
    public Optional<ManagerLink> openLinkOf(String employeeId) {
        return Optional.ofNullable(mongo.findOne(query(where(OPEN).is(employeeId)), Stored.class))
                .map(Stored::link);
    }

    @Override
    public List<ManagerLink> awaiting(String managerId) {
        return mongo.find(query(where("managerId").is(managerId).and("state").is(ManagerLink.State.PROPOSED)),
                Stored.class).stream().sorted(Comparator.comparing(Stored::proposedAt)).map(Stored::link).toList();
    }

    @Override
    public Optional<ManagerLink> find(String linkId) {
        return Optional.ofNullable(mongo.findById(linkId, Stored.class)).map(Stored::link);
    }

    @Override
    public ManagerLink propose(String employeeId, String managerId, Instant at) {
        if (employeeId.equals(managerId)) throw new IllegalArgumentException("a person cannot be their own manager");
        Optional<ManagerLink> open = openLinkOf(employeeId);
        if (open.isPresent() && open.get().managerId().equals(managerId)) return open.get();
        open.ifPresent(link -> close(link.id(), ManagerLink.State.ENDED, employeeId, at));
        Stored proposed = new Stored(UUID.randomUUID().toString(), employeeId, employeeId, managerId,
                ManagerLink.State.PROPOSED, employeeId, at, null, null, null, null);
        try {
            return mongo.insert(proposed).link();
        } catch (DuplicateKeyException raced) {
            // another node stored an open link for this person meanwhile: theirs stands
            return openLinkOf(employeeId).orElseThrow(() -> raced);
        }
    }

    @Override
    public Optional<ManagerLink> confirm(String linkId, String managerId, Instant at) {
        Stored confirmed = mongo.findAndModify(
                query(where("_id").is(linkId).and("managerId").is(managerId).and("state").is(ManagerLink.State.PROPOSED)),
                new Update().set("state", ManagerLink.State.CONFIRMED).set("confirmedBy", managerId)
                        .set("confirmedAt", at),
                FindAndModifyOptions.options().returnNew(true), Stored.class);
        if (confirmed != null) return Optional.of(confirmed.link());
        return find(linkId).filter(link -> link.confirmed() && link.managerId().equals(managerId));
    }

    @Override
    public Optional<ManagerLink> decline(String linkId, String managerId, Instant at) {
        Stored declined = mongo.findAndModify(
                query(where("_id").is(linkId).and("managerId").is(managerId).and("state").is(ManagerLink.State.PROPOSED)),
                closing(linkId, ManagerLink.State.DECLINED, managerId, at),
                FindAndModifyOptions.options().returnNew(true), Stored.class);
        if (declined != null) return Optional.of(declined.link());
        return find(linkId).filter(link -> link.state() == ManagerLink.State.DECLINED && link.managerId().equals(managerId));
    }

    @Override
    public Optional<ManagerLink> end(String linkId, String personId, Instant at) {
        Optional<ManagerLink> link = find(linkId).filter(l -> l.involves(personId));
        if (link.isEmpty() || !link.get().state().open()) return link;
        return Optional.ofNullable(close(linkId, ManagerLink.State.ENDED, personId, at)).map(Stored::link)
                .or(() -> find(linkId));
    }

    @Override
    public ImportOutcome importConfirmed(String employeeId, String managerId, Instant at, boolean dryRun) {
        if (employeeId.equals(managerId)) throw new IllegalArgumentException("a person cannot be their own manager");
        Optional<ManagerLink> open = openLinkOf(employeeId);
        if (open.isPresent() && open.get().managerId().equals(managerId)) {
            if (open.get().confirmed()) return ImportOutcome.UNCHANGED;
            if (!dryRun) {
                mongo.findAndModify(query(where("_id").is(open.get().id()).and("state").is(ManagerLink.State.PROPOSED)),
                        new Update().set("state", ManagerLink.State.CONFIRMED).set("confirmedBy", ManagerLink.OPERATOR)
                                .set("confirmedAt", at), Stored.class);
            }
            return ImportOutcome.CONFIRMED_PROPOSAL;
        }
        if (dryRun) return open.isPresent() ? ImportOutcome.REPLACED : ImportOutcome.ADDED;
        open.ifPresent(link -> close(link.id(), ManagerLink.State.ENDED, ManagerLink.OPERATOR, at));
        try {
            mongo.insert(new Stored(UUID.randomUUID().toString(), employeeId, employeeId, managerId,
                    ManagerLink.State.CONFIRMED, ManagerLink.OPERATOR, at, ManagerLink.OPERATOR, at, null, null));
        } catch (DuplicateKeyException raced) {
            // the same import ran at the same time (two operators, two nodes): one link stands; look at it again
            return importConfirmed(employeeId, managerId, at, false) == ImportOutcome.UNCHANGED
                    ? ImportOutcome.UNCHANGED : ImportOutcome.REPLACED;
        }
        return open.isPresent() ? ImportOutcome.REPLACED : ImportOutcome.ADDED;
    }

    @Override
    public List<ManagerLink> history(String personId) {
        return mongo.find(either(personId), Stored.class).stream().sorted(Comparator.comparing(Stored::proposedAt))
                .map(Stored::link).toList();
    }

    @Override
    public List<ManagerLink> forget(String personId) {
        return mongo.findAllAndRemove(either(personId), Stored.class).stream().map(Stored::link).toList();
    }

    /** Moves the links of {@code from} to {@code to} (two identities became one person); keeps to's open link. */
    void move(String from, String to) {
        Optional<ManagerLink> kept = openLinkOf(to);
        openLinkOf(from).ifPresent(link -> {
            if (kept.isPresent() || link.managerId().equals(to)) {
                close(link.id(), ManagerLink.State.ENDED, from, link.proposedAt());
            } else {
                mongo.updateFirst(query(where("_id").is(link.id())), new Update().set(OPEN, to), Stored.class);
            }
        });
        mongo.updateMulti(query(where("employeeId").is(from)), new Update().set("employeeId", to), Stored.class);
        mongo.updateMulti(query(where("managerId").is(from)), new Update().set("managerId", to), Stored.class);
        // a link of the person to themselves (they named one of their own identities) means nothing
        mongo.find(query(where("employeeId").is(to).and("managerId").is(to)), Stored.class).forEach(self -> {
            if (self.state().open()) close(self.id(), ManagerLink.State.ENDED, to, self.proposedAt());
        });
    }

    private Stored close(String linkId, ManagerLink.State state, String by, Instant at) {
        return mongo.findAndModify(query(where("_id").is(linkId).and("state").in(ManagerLink.State.PROPOSED,
                        ManagerLink.State.CONFIRMED)), closing(linkId, state, by, at),
                FindAndModifyOptions.options().returnNew(true), Stored.class);
    }

    private static Update closing(String linkId, ManagerLink.State state, String by, Instant at) {
        return new Update().set("state", state).set(OPEN, "closed:" + linkId).set("endedBy", by).set("endedAt", at);
    }

    private static Query either(String personId) {
        return query(new Criteria().orOperator(where("employeeId").is(personId), where("managerId").is(personId)));
    }
}
