package dev.trellis.engine;

import java.util.Map;

/**
 * Where a message goes. A conversation keeps one as its home (the private place it started: a Slack DM, a Teams
 * personal chat, a web session) and every pending message carries its own, so a reply to a mention in a shared
 * channel goes to that thread without re-addressing the conversation.
 *
 * @param workspace the platform workspace or tenant (Slack team id, Teams tenant id, {@code web})
 * @param userId    the platform's user id (Slack {@code U123}), for platform calls such as an ephemeral note
 * @param personId  the Trellis person the conversation belongs to (owner of charts and data); null only for
 *                  documents written before person ids existed
 * @param address   the platform's place (Slack channel or DM id, Teams conversation reference, web stream id)
 * @param meta      platform details the channel needs to answer there (thread, service url)
 */
public record Recipient(String conversationId, String channel, String workspace, String userId, String personId,
                        String address, Map<String, String> meta) {

    public Recipient {
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    public PlatformIdentity identity() {
        return new PlatformIdentity(channel, workspace, userId);
    }
}
