package dev.trellis.engine.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How conversations are stored and their messages delivered.
 *
 * @param transcriptSize      entries kept per conversation (older ones are dropped)
 * @param writeAttempts       times a turn is re-applied after concurrent writes before the event is retried later
 * @param sendLease           how long one sender may hold a conversation's outbox (a crashed sender's lease expires)
 * @param redeliveryInterval  how often messages waiting for a retry (or left over by a restart) are looked for
 */
@ConfigurationProperties("trellis.conversations")
public record ConversationProperties(@DefaultValue("200") int transcriptSize,
                                     @DefaultValue("5") int writeAttempts,
                                     @DefaultValue("30s") Duration sendLease,
                                     @DefaultValue("5s") Duration redeliveryInterval) {
}
