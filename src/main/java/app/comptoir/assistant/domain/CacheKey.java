package app.comptoir.assistant.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import app.comptoir.assistant.Language;
import app.comptoir.assistant.Length;
import app.comptoir.assistant.TargetPlatform;
import app.comptoir.assistant.Tone;

/**
 * The key of a cached description: the SHA-256 (hex) of every fact it was written from and of how and by which
 * writer it was written, so that any change to the product's facts, to the request or to the provider or model
 * gives another key. Each part is length-prefixed, so no two different inputs spell the same text.
 */
public final class CacheKey {

    private CacheKey() {
    }

    /** The key of a description of these facts, written so, by this writer ({@code provider:model}). */
    public static String of(ProductFacts facts, TargetPlatform platform, Tone tone, Length length, Language language,
                            String writer) {
        StringBuilder text = new StringBuilder();
        part(text, "v1");
        part(text, facts.name());
        part(text, facts.brand());
        part(text, facts.category());
        part(text, facts.unit());
        part(text, String.valueOf(facts.tags().size()));
        facts.tags().forEach(tag -> part(text, tag));
        part(text, String.valueOf(facts.options().size()));
        for (Map.Entry<String, List<String>> option : facts.options().entrySet()) {
            part(text, option.getKey());
            part(text, String.valueOf(option.getValue().size()));
            option.getValue().forEach(value -> part(text, value));
        }
        part(text, String.valueOf(facts.variantOptions().size()));
        facts.variantOptions().forEach((name, value) -> {
            part(text, name);
            part(text, value);
        });
        part(text, facts.minPrice() == null ? null : facts.minPrice().stripTrailingZeros().toPlainString());
        part(text, facts.maxPrice() == null ? null : facts.maxPrice().stripTrailingZeros().toPlainString());
        part(text, facts.currency());
        part(text, platform.name());
        part(text, tone.name());
        part(text, length.name());
        part(text, language.name());
        part(text, writer);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void part(StringBuilder text, String value) {
        if (value == null) {
            text.append("-1:");
        } else {
            text.append(value.length()).append(':').append(value);
        }
    }
}
