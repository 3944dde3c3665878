package dev.trellis.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.trellis.engine.Redacted;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds work nobody is doing. Often: lanes whose holder died (lease over) or whose retry is due; the lanes
 * collection holds only conversations with unfinished events, so this stays small however many events were
 * processed. Rarely (at start-up and every {@code orphan-scan-interval}): events stored but never appended to a lane
 * (the node died between the two writes, or stored them with processing off), and processed events past
 * {@code keep-done}; that scan reads the whole inbox, so it runs seldom and in batches.
 */
@Component
class InboxRescan implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(InboxRescan.class);
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final InboxLanes lanes;
    private final InboxWorkers workers;
    private final InboxMetrics metrics;
    private final InboxProperties properties;
    private final Clock clock;

    InboxRescan(MongoTemplate mongo, InboxLanes lanes, InboxWorkers workers, InboxMetrics metrics,
                InboxProperties properties, Clock clock) {
        this.mongo = mongo;
        this.lanes = lanes;
        this.workers = workers;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** For a real MongoDB; the embedded server ignores it and scans, which is why the inbox scan runs seldom. */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(InboxDocument.class).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("acceptedAt", Sort.Direction.ASC).named("unprocessed"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAtStart() {
        appendOrphans(clock.instant());
        rescanLanes();
    }

    @Scheduled(initialDelayString = "${trellis.inbox.rescan-interval:30s}",
            fixedDelayString = "${trellis.inbox.rescan-interval:30s}")
    void rescanLanes() {
        Instant now = clock.instant();
        List<InboxLane> open = lanes.some(BATCH);
        metrics.depth(open.stream().mapToLong(lane -> lane.queue().size()).sum());
        if (!properties.processing()) {
            return;
        }
        open.stream().filter(lane -> !lane.heldAt(now) && !lane.waitingAt(now))
                .forEach(lane -> workers.wake(lane.conversationId()));
    }

    @Scheduled(initialDelayString = "${trellis.inbox.orphan-scan-interval:5m}",
            fixedDelayString = "${trellis.inbox.orphan-scan-interval:5m}")
    void scanInbox() {
        Instant now = clock.instant();
        // events accepted recently are in their lanes already or about to be
        appendOrphans(now.minus(properties.rescanInterval()));
        mongo.remove(query(where("status").is(InboxDocument.Status.DONE)
                .and("processedAt").lt(now.minus(properties.keepDone()))), InboxDocument.class);
    }

    private void appendOrphans(Instant acceptedBefore) {
        if (!properties.processing()) {
            return;
        }
        Query unprocessed = query(where("status").is(InboxDocument.Status.NEW).and("acceptedAt").lt(acceptedBefore))
                .limit(BATCH);
        unprocessed.fields().include("_id", "conversationId", "seq");
        List<Document> events = mongo.find(unprocessed, Document.class, InboxDocument.COLLECTION);
        int appended = 0;
        for (Document event : events) {
            String conversationId = event.getString("conversationId");
            InboxLane.Entry entry = new InboxLane.Entry(event.getString("_id"), event.get("seq", Number.class)
                    .longValue());
            try {
                // appending bumps the lane's revision; an entry already there is left alone so its holder is undisturbed
                if (lanes.find(conversationId).map(lane -> !lane.queue().contains(entry)).orElse(true)) {
                    lanes.append(conversationId, entry);
                    appended++;
                }
                workers.wake(conversationId);
            } catch (RuntimeException e) {
                log.warn("Inbox event {} not resumed", entry.key(), Redacted.of(e));
            }
        }
        if (appended > 0) {
            log.info("Resumed {} inbox event(s) that were stored but not queued", appended);
        }
    }
}
