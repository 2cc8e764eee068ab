package app.comptoir.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

/**
 * Writes the descriptions of a selection of products in a background job ({@link Jobs}): one product after the other
 * through {@link ProductDescriptions} (so from the cache when already written, and counted like single requests),
 * the progress in products. A product that cannot be described (deleted meanwhile, another business's, a provider
 * that fails) is listed with its problem; the others are written. The texts are not saved into the products.
 */
@Service
public class BulkDescriptions {

    /** The job's kind at {@code GET /api/v1/jobs/{id}}. */
    public static final String JOB = "assistant-descriptions";
    /** The most products one job describes. */
    public static final int MAX_PRODUCTS = 500;

    /** A description written for one product of the selection. */
    public record Written(UUID productId, String description, boolean cached, String provider, int tokens) {
    }

    /** A product of the selection that could not be described, and why (a problem type). */
    public record Failed(UUID productId, String problem, String detail) {
    }

    /** The job's result. */
    public record Report(int requested, int written, int fromCache, int tokens, List<Written> descriptions,
                         List<Failed> failed) {
    }

    private final ProductDescriptions descriptions;
    private final Permissions permissions;
    private final Jobs jobs;

    BulkDescriptions(ProductDescriptions descriptions, Permissions permissions, Jobs jobs) {
        this.descriptions = descriptions;
        this.permissions = permissions;
        this.jobs = jobs;
    }

    /** Checks the request and starts the job; returns its id at once. */
    public UUID start(BulkDescriptionRequest request) {
        permissions.require(Permission.CATALOG_WRITE);
        if (request == null || request.productIds() == null || request.productIds().isEmpty()) {
            throw InvalidInputException.field("productIds", "must list at least one product");
        }
        if (request.productIds().contains(null)) {
            throw InvalidInputException.field("productIds", "must not contain null");
        }
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(request.productIds()));
        if (ids.size() > MAX_PRODUCTS) {
            throw InvalidInputException.field("productIds", "must list at most " + MAX_PRODUCTS + " products");
        }
        return jobs.start(JOB, progress -> describe(ids, request, progress));
    }

    private Report describe(List<UUID> ids, BulkDescriptionRequest request, JobProgress progress) {
        progress.total(ids.size());
        List<Written> written = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        int fromCache = 0;
        int tokens = 0;
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            try {
                GeneratedDescription d = descriptions.describe(new DescriptionRequest(id, null, request.platform(),
                        request.tone(), request.length(), request.language()));
                written.add(new Written(id, d.description(), d.cached(), d.provider(), d.tokens()));
                fromCache += d.cached() ? 1 : 0;
                tokens += d.tokens();
            } catch (ComptoirException e) {
                failed.add(new Failed(id, e.type(), e.getMessage()));
            }
            progress.done(i + 1);
        }
        return new Report(ids.size(), written.size(), fromCache, tokens, List.copyOf(written), List.copyOf(failed));
    }
}
