package dev.trellis.channel.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;

/**
 * Every path outside the web chat passes Spring Security untouched: Slack verifies its request signatures, Teams
 * its JWTs, and the health endpoint is for load balancers. Declaring this chain also keeps Spring Boot from
 * installing its default (a login form and a generated password on every path). A component rather than a bean
 * method so that web slice tests of other channels see it too.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class OtherPathsUntouched implements SecurityFilterChain {

    @Override
    public boolean matches(HttpServletRequest request) {
        return !WebPaths.isWebChat(request);
    }

    @Override
    public List<Filter> getFilters() {
        return List.of();
    }
}
