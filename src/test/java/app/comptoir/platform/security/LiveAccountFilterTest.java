package app.comptoir.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import app.comptoir.platform.AccountStatus;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Role;
import app.comptoir.support.MovableClock;

class LiveAccountFilterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final ComptoirPrincipal principal = new ComptoirPrincipal(UUID.randomUUID(), UUID.randomUUID(),
            "camille@example.test", "Camille", Set.of(Role.ADMIN), 3);
    private ComptoirPrincipal stored = principal;
    private final AccountStatus accounts = new AccountStatus() {
        @Override
        public Optional<ComptoirPrincipal> current(ComptoirPrincipal p) {
            return Optional.of(stored);
        }

        @Override
        public void evict(UUID userId) {
        }
    };
    private final LiveAccountFilter web = LiveAccountFilter.forWeb(accounts, clock, Duration.ofHours(12));
    private final MockHttpSession session = new MockHttpSession();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aWebSessionEndsAfterItsAbsoluteLifetimeHoweverActiveItIs() throws Exception {
        assertThat(request().getRedirectedUrl()).isNull();
        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(request().getRedirectedUrl()).isNull();
        }
        clock.advance(Duration.ofMinutes(59));
        assertThat(request().getRedirectedUrl()).isNull();

        clock.advance(Duration.ofMinutes(1));

        assertThat(request().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aRememberedDeviceWhoseSessionOutlivedItsLifetimeReloadsThePageToSignBackIn() throws Exception {
        assertThat(request().getRedirectedUrl()).isNull();
        clock.advance(Duration.ofHours(12));

        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, java.util.List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/sales/orders");
        request.setQueryString("status=DRAFT");
        request.setSession(session);
        request.setCookies(new jakarta.servlet.http.Cookie(app.comptoir.platform.RememberedDevices.COOKIE, "a.b.c"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        web.doFilter(request, response, new MockFilterChain());

        assertThat(response.getRedirectedUrl()).isEqualTo("/app/sales/orders?status=DRAFT");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aWebSessionOfAnOlderTokenVersionIsSentToTheLoginPage() throws Exception {
        assertThat(request().getRedirectedUrl()).isNull();

        stored = new ComptoirPrincipal(principal.userId(), principal.tenantId(), principal.email(), principal.name(),
                principal.roles(), 4);

        assertThat(request().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
    }

    private MockHttpServletResponse request() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, java.util.List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        web.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
