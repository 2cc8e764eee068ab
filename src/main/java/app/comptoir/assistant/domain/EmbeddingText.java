package app.comptoir.assistant.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The text a product is embedded from: its name, brand, category path, tags, options with their values and its
 * description, one short sentence each, so that a query in the shop's words ("arrosoir pour balcon") lands near
 * the products that use them. The model reads at most 256 word pieces: the name and category come first, the
 * description (often long) last and cut. {@link #hash} keys the stored embedding: same text, same model, same vector.
 */
public record EmbeddingText(String text) {

    /** Characters of the description kept (the model would not read further anyway). */
    static final int DESCRIPTION_CHARS = 600;

    /** The text of a product from its facts (any of them may be null or empty). */
    public static EmbeddingText of(String name, String brand, List<String> categoryPath, List<String> tags,
                                   Map<String, List<String>> options, String description) {
        StringJoiner text = new StringJoiner(". ");
        add(text, name);
        add(text, brand);
        if (categoryPath != null && !categoryPath.isEmpty()) {
            add(text, String.join(" > ", categoryPath));
        }
        if (tags != null && !tags.isEmpty()) {
            add(text, String.join(", ", tags));
        }
        if (options != null) {
            options.forEach((option, values) -> add(text, option + ": " + String.join(", ", values)));
        }
        if (description != null && !description.isBlank()) {
            String d = description.strip().replaceAll("\\s+", " ");
            add(text, d.length() > DESCRIPTION_CHARS ? d.substring(0, DESCRIPTION_CHARS) : d);
        }
        return new EmbeddingText(text.toString());
    }

    private static void add(StringJoiner text, String part) {
        if (part != null && !part.isBlank()) {
            text.add(part.strip());
        }
    }

    /** The SHA-256 (hex) of the text and the model's name. */
    public String hash(String model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
