package app.comptoir.payments.provider;

import java.util.Map;

/** A business's account with a provider: its secrets (opened from the database for one call) and its mode. */
public record ProviderAccount(String provider, Map<String, String> secrets, boolean testMode) {

    public ProviderAccount {
        secrets = Map.copyOf(secrets);
    }

    /** One secret by name. */
    public String secret(String name) {
        return secrets.get(name);
    }

    /** What may be shown of an account's secrets: a hint (e.g. the key's last four characters) and the mode. */
    public record Check(String hint, boolean testMode) {
    }

    @Override
    public String toString() {
        return "ProviderAccount[" + provider + ", secrets=****, testMode=" + testMode + "]";
    }
}
