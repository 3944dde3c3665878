package dev.trellis.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How identities are linked.
 *
 * @param linkByEmail link a person's identities that share an e-mail address the platform verified (Slack's
 *                    {@code users.info} profile e-mail, which needs the {@code users:read.email} scope). Off by
 *                    default: only turn it on where every platform in use verifies addresses.
 */
@ConfigurationProperties("trellis.identity")
public record IdentityProperties(@DefaultValue("false") boolean linkByEmail) {
}
