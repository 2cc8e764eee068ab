package app.comptoir.notifications.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.notifications.persistence.InAppStore;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.TenantContext;

/**
 * The notification centre behind the bell: the in-app channel stores each notice for its user, and the user
 * lists theirs, counts the unread ones and marks them read. A user only ever sees and marks their own.
 */
@Service
public class InAppNotifications implements NotificationChannel {

    private final InAppStore store;
    private final TenantContext tenantContext;
    private final Clock clock;

    InAppNotifications(InAppStore store, TenantContext tenantContext, Clock clock) {
        this.store = store;
        this.tenantContext = tenantContext;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    /** Stores the notice in its user's centre; a notice already stored (a replayed event) is ignored. */
    @Override
    public void deliver(Notice notice) {
        store.insert(notice.id(), notice.tenantId(), notice.userId(), notice.type(), notice.title(), notice.body(),
                notice.link(), notice.at());
    }

    /** The signed-in user's notices, unread first, then newest first. */
    @Transactional(readOnly = true)
    public PageResponse<Notification> mine(int page, int size) {
        ComptoirPrincipal me = me();
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        return store.page(me.tenantId(), me.userId(), page, size);
    }

    /** How many of the signed-in user's notices are unread (the bell's count). */
    @Transactional(readOnly = true)
    public long unread() {
        ComptoirPrincipal me = me();
        return store.unread(me.tenantId(), me.userId());
    }

    /** Marks one of the user's notices read and returns it (404 for another user's or an unknown one). */
    @Transactional
    public Notification markRead(UUID id) {
        ComptoirPrincipal me = me();
        return store.markRead(me.tenantId(), me.userId(), id, clock.instant())
                .orElseThrow(() -> new NotFoundException("Notification", id));
    }

    /** Marks every unread notice of the user read; returns how many. */
    @Transactional
    public int markAllRead() {
        ComptoirPrincipal me = me();
        return store.markAllRead(me.tenantId(), me.userId(), clock.instant());
    }

    // Every signed-in user, whatever their role (a driver has no READ but hears of their deliveries), has their
    // own notifications and preferences: the principal decides whose, so nobody reaches another user's.
    private ComptoirPrincipal me() {
        return tenantContext.principal().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
