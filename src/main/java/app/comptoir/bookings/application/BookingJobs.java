package app.comptoir.bookings.application;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The bookings' db-scheduler tasks, claimed through the database so one node runs each execution: the hold
 * expiry every minute ({@link HoldExpiry}) and the reminders every hour ({@link Reminders}).
 */
@Configuration(proxyBeanMethods = false)
class BookingJobs {

    static final String HOLD_EXPIRY = "bookings-hold-expiry";
    static final String REMINDERS = "bookings-reminders";

    @Bean
    RecurringTask<Void> bookingHoldExpiry(HoldExpiry expiry) {
        return Tasks.recurring(HOLD_EXPIRY, Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> expiry.expireEverywhere());
    }

    @Bean
    RecurringTask<Void> bookingReminders(Reminders reminders) {
        return Tasks.recurring(REMINDERS, Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> reminders.remindEverywhere());
    }
}
