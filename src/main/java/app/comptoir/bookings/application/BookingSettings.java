package app.comptoir.bookings.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.bookings.domain.SetupRules;
import app.comptoir.bookings.domain.SetupRules.Settings;
import app.comptoir.bookings.persistence.BookingSettingsStore;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.Permission;

/**
 * The business's booking settings: the step between slots, the customers' cut-off, how far ahead and how soon one
 * may book, how long a slot is held during an online payment, the phone given to customers and the booking page's
 * note. Everyone reads them; those who set up bookings (BOOKINGS_WRITE) change them.
 */
@Service
@Transactional
public class BookingSettings {

    /** The audit trail's entity type of the settings (their id is the business's). */
    public static final String AUDITED = "booking-settings";

    private final BookingSettingsStore store;
    private final BookingActor actor;
    private final AuditRecorder audit;
    private final Clock clock;

    BookingSettings(BookingSettingsStore store, BookingActor actor, AuditRecorder audit, Clock clock) {
        this.store = store;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    /** The current business's settings (the defaults until changed). */
    @Transactional(readOnly = true)
    public Settings current() {
        return store.find(actor.tenant()).orElseGet(Settings::defaults);
    }

    /** Changes the settings: a null number keeps the default, every broken field reported at once. */
    public Settings change(Integer slotStepMinutes, Integer cutoffHours, Integer horizonDays, Integer minNoticeMinutes,
                           Integer holdMinutes, String contactPhone, String publicNote,
                           String whatToBring) {
        actor.require(Permission.BOOKINGS_WRITE);
        Settings before = current();
        Settings after = SetupRules.settings(slotStepMinutes, cutoffHours, horizonDays, minNoticeMinutes, holdMinutes,
                contactPhone, publicNote, whatToBring);
        store.save(actor.tenant(), after, clock.instant(), actor.userId());
        audit.recordChanges(AUDITED, actor.tenant(), fields(before), fields(after));
        return after;
    }

    private static Map<String, Object> fields(Settings s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("slotStepMinutes", s.slotStepMinutes());
        f.put("cutoffHours", s.cutoffHours());
        f.put("horizonDays", s.horizonDays());
        f.put("minNoticeMinutes", s.minNoticeMinutes());
        f.put("holdMinutes", s.holdMinutes());
        f.put("contactPhone", s.contactPhone());
        f.put("publicNote", s.publicNote());
        f.put("whatToBring", s.whatToBring());
        return f;
    }
}
