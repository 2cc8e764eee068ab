package app.comptoir.payments.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.comptoir.payments.provider.PaymentProvider;

/** The online payment providers this deployment has (every {@link PaymentProvider} bean), by id. */
@Component
public class Providers {

    private final Map<String, PaymentProvider> byId = new LinkedHashMap<>();

    Providers(List<PaymentProvider> providers) {
        providers.forEach(p -> byId.put(p.id(), p));
    }

    public Optional<PaymentProvider> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<PaymentProvider> all() {
        return List.copyOf(byId.values());
    }
}
