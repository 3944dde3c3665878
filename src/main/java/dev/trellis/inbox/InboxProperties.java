package dev.trellis.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How inbound events are processed.
 *
 * @param processing     false stores events without processing them (maintenance, tests); they are processed by
 *                       the next node that runs with true
 * @param workers        threads processing events; one conversation's events never run in parallel
 * @param attempts       tries per event before it is marked failed
 * @param retryBackoff   wait before the second try; doubled for each further try
 * @param lease          how long a node may work on an event before another node may take it over
 * @param rescanInterval how often conversations left behind (by a crashed node) or due for a retry are looked for
 * @param orphanScanInterval how often the whole inbox is read for events stored but never queued (a node died
 *                       between the two writes) and for processed events past {@code keepDone}
 * @param sweepInterval  how often conversations waiting for a timeout or their idle limit get a tick (among those
 *                       whose wake time this node wrote)
 * @param fullSweepInterval how often all conversations are looked at for one: a wake time written before a restart,
 *                       or one whose tick was lost, is that late at most. A real MongoDB answers it from the
 *                       {@code wakeAt} index; the embedded server reads every conversation and is busy for as long
 *                       (over 30 s with 100,000 stored on a loaded 2-core machine), so it runs seldom
 * @param keepDone       how long processed events are kept (they de-duplicate platform retries meanwhile)
 */
@ConfigurationProperties("trellis.inbox")
public record InboxProperties(@DefaultValue("true") boolean processing,
                              @DefaultValue("4") int workers,
                              @DefaultValue("5") int attempts,
                              @DefaultValue("1s") Duration retryBackoff,
                              @DefaultValue("2m") Duration lease,
                              @DefaultValue("30s") Duration rescanInterval,
                              @DefaultValue("5m") Duration orphanScanInterval,
                              @DefaultValue("30s") Duration sweepInterval,
                              @DefaultValue("1h") Duration fullSweepInterval,
                              @DefaultValue("7d") Duration keepDone) {
}
