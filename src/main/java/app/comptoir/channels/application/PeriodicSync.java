package app.comptoir.channels.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import app.comptoir.platform.TenantContext;

/**
 * The periodic check of published listings, so that an item sold on the marketplace leaves Comptoir's stock (and the
 * other channels) without anyone asking: every {@code comptoir.channels.sync.every} (1 hour) a recurring db-scheduler
 * task plans one run per business with a marketplace account (instance id: the business's id, claimed through the
 * database by one node), which queues a SYNC job for each published listing not checked for
 * {@code sync.fresh-for} (6 hours), at most {@code sync.batch} (30) per run, those checked longest ago first. The
 * checks are reads: they take no write slot of the rate cap, and run through the same jobs (spacing, pauses).
 * With {@code jobs.background=false} (the tests) the sweep plans nothing: tests call {@link #sweep} themselves.
 */
@Component
public class PeriodicSync {

    static final String EVERY = "channels-sync-sweep";
    static final String ONE_BUSINESS = "channels-sync-business";

    private static final Logger log = LoggerFactory.getLogger(PeriodicSync.class);

    @Configuration(proxyBeanMethods = false)
    static class Task {

        // The sweep is looked up when a task runs: the scheduler, which needs the tasks, is needed by the jobs' dispatch.
        @Bean
        OneTimeTask<Void> channelSyncOfOneBusiness(ObjectProvider<PeriodicSync> sync) {
            return Tasks.oneTime(ONE_BUSINESS).execute((instance, context) ->
                    sync.getObject().sweep(UUID.fromString(instance.getId()), context.getExecution().executionTime));
        }

        @Bean
        RecurringTask<Void> channelSyncSweep(ObjectProvider<PeriodicSync> sync, ChannelSettings settings,
                                             OneTimeTask<Void> channelSyncOfOneBusiness) {
            return Tasks.recurring(EVERY, Schedules.fixedDelay(settings.sync().every()))
                    .execute((instance, context) -> sync.getObject().planEveryBusiness(context.getSchedulerClient(),
                            channelSyncOfOneBusiness, context.getExecution().executionTime));
        }
    }

    private final JdbcClient jdbc;
    private final Listings listings;
    private final TenantContext tenantContext;
    private final ChannelSettings settings;

    PeriodicSync(JdbcClient jdbc, Listings listings, TenantContext tenantContext, ChannelSettings settings) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.tenantContext = tenantContext;
        this.settings = settings;
    }

    /** Plans one sweep per business with a marketplace account; returns how many were planned. */
    public int planEveryBusiness(SchedulerClient scheduler, OneTimeTask<Void> sweep, Instant at) {
        if (!settings.jobs().background()) {
            return 0;
        }
        List<UUID> tenants = jdbc.sql("select tenant_id from channel_tenants order by tenant_id").query(UUID.class).list();
        int planned = 0;
        for (UUID tenant : tenants) {
            if (scheduler.scheduleIfNotExists(sweep.instance(tenant.toString()), at)) {
                planned++;
            }
        }
        log.debug("Listing checks planned for {} of {} businesses", planned, tenants.size());
        return planned;
    }

    /** Queues the checks of the business's listings not checked since {@code now} minus the freshness; their jobs. */
    public List<UUID> sweep(UUID tenant, Instant now) {
        return tenantContext.callAs(tenant, () -> listings.syncStale(now.minus(settings.sync().freshFor()),
                settings.sync().batch()));
    }
}
