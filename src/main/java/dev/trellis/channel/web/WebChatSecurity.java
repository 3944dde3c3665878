package dev.trellis.channel.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may use the web chat. Always: CSRF protection on every POST (the token travels in the {@code XSRF-TOKEN}
 * cookie, which the page echoes in {@code X-XSRF-TOKEN}). When the company's OpenID Connect provider is configured
 * ({@code spring.security.oauth2.client.registration.*}), only signed-in colleagues: the page redirects to the
 * provider, the API answers 401. Without one, anyone who reaches the port may chat, as in the embedded default.
 * With {@code trellis.web.enabled=false} every web chat path answers 404.
 *
 * <p>Only the web chat's paths are covered here; Slack and Teams authenticate their own requests (signatures, JWTs)
 * and are left to {@link OtherPathsUntouched}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebChatSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain webChatFilterChain(HttpSecurity http, WebProperties properties, WebSessions sessions,
                                           WebRateLimits limits,
                                           ObjectProvider<ClientRegistrationRepository> providers) throws Exception {
        // the session and the request checks run inside this chain, after sign-in and authorization: a refused
        // request never gets a session, and a signed-in one is the employee's, not the browser's
        http.securityMatcher(WebPaths::isWebChat)
                .csrf(csrf -> csrf.spa())
                .headers(headers -> headers.frameOptions(frame -> frame.deny()))
                .addFilterAfter(new WebSessionFilter(sessions, limits), AuthorizationFilter.class)
                .addFilterAfter(new WebRequestGuard(limits), WebSessionFilter.class);
        if (!properties.enabled()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                    .exceptionHandling(e -> e
                            .authenticationEntryPoint((request, response, denied) -> response.sendError(404))
                            .accessDeniedHandler((request, response, denied) -> response.sendError(404)))
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .build();
        }
        if (providers.getIfAvailable() == null) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .build();
        }
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login/**", "/oauth2/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(Customizer.withDefaults())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        request -> WebPaths.path(request).startsWith(WebPaths.API)))
                .build();
    }
}
