package app.comptoir.identity.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessTime;

/** The current business's calendar, from its time zone setting (cached per node with its profile). */
@Component
class TenantCalendar implements BusinessTime {

    private final Tenants tenants;
    private final Clock clock;

    TenantCalendar(Tenants tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public ZoneId zone() {
        return BusinessTime.zoneOf(tenants.current().timezone());
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }
}
