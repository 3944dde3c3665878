package dev.trellis.channel.teams;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Teams is on when {@code teams.app-id} has a value. application.yaml maps {@code MICROSOFT_APP_ID} to it with an
 * empty default, which {@code @ConditionalOnProperty} would count as set.
 */
final class TeamsEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("teams.app-id"));
    }
}
