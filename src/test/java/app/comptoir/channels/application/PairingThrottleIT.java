package app.comptoir.channels.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.channels.persistence.AccountStore;
import app.comptoir.channels.persistence.DeviceStore;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TooManyRequestsException;
import app.comptoir.support.Account;
import app.comptoir.support.Api;

/**
 * Guessing pairing codes is throttled per client address: after the allowed wrong codes (3 here; 10 by default, the
 * shared test context allows many since every test calls from this machine), even a right code from that address is
 * refused with a 429 for 15 minutes, while another address still pairs.
 */
@app.comptoir.support.IntegrationTest
class PairingThrottleIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountStore accounts;

    @Autowired
    DeviceStore devices;

    @Autowired
    ChannelSecrets secrets;

    @Autowired
    WriteSlots slots;

    @Autowired
    Tenants tenants;

    @Autowired
    Permissions permissions;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    Clock clock;

    @Autowired
    ChannelSettings settings;

    @Test
    void wrongCodesFromOneAddressAreThrottledAndThenEvenARightCodeIsRefused() {
        ChannelAccounts strict = new ChannelAccounts(accounts, devices, secrets, slots, tenants, permissions,
                tenantContext, clock, new ChannelSettings(null, null, settings.vinted(), settings.jobs(),
                new ChannelSettings.Pairing(3), settings.sync()));
        Account admin = Api.newBusiness(port, "Friperie devinettes");
        String guesser = "203.0.113.7-" + UUID.randomUUID().toString().substring(0, 8);
        String code = Api.as(port, admin).post("/api/v1/channels/pairings").then().statusCode(201).extract().path("code");

        for (int i = 0; i < 3; i++) {
            assertThat(strict.claimCode("ZZZZ-ZZZ" + (i + 2), guesser)).isEmpty();
        }
        assertThatThrownBy(() -> strict.claimCode(code, guesser)).isInstanceOf(TooManyRequestsException.class);
        assertThat(strict.claimCode(code, "198.51.100.9-" + UUID.randomUUID().toString().substring(0, 6)))
                .contains(admin.tenantId());
    }
}
