package app.comptoir.assistant.domain;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a booking page's visitor asks about, by keywords in French and English, for the built-in answer given when no
 * language model is configured: opening hours, prices, documents to bring, free slots. Accents and case do not
 * matter; a question about nothing known is about everything (the built-in answer then says all it knows).
 */
public final class VisitorQuestions {

    /** A subject the built-in answer knows. */
    public enum Topic { HOURS, PRICES, DOCUMENTS, SLOTS }

    private static final Map<Topic, List<String>> WORDS = Map.of(
            Topic.HOURS, List.of("horaire", "heure", "ouvert", "ouvre", "ferme", "ouverture", "fermeture", "hours",
                    "open", "close", "opening", "samedi", "dimanche", "saturday", "sunday", "ferie", "holiday"),
            Topic.PRICES, List.of("prix", "tarif", "combien", "cout", "coute", "euro", "€", "price", "cost",
                    "how much", "fee", "rate"),
            Topic.DOCUMENTS, List.of("document", "papier", "apporter", "amener", "carte grise", "piece", "bring",
                    "paper", "need to", "certificat", "proces-verbal", "pv"),
            Topic.SLOTS, List.of("creneau", "creneaux", "disponib", "libre", "place", "rendez-vous", "rdv",
                    "quand", "slot", "available", "free", "appointment", "when", "demain", "tomorrow"));

    private VisitorQuestions() {
    }

    /** The subjects of the question; all of them when it names none. */
    public static Set<Topic> topics(String question) {
        String text = normalized(question);
        Set<Topic> found = EnumSet.noneOf(Topic.class);
        for (Map.Entry<Topic, List<String>> entry : WORDS.entrySet()) {
            for (String word : entry.getValue()) {
                if (word.length() <= 3 ? text.matches("(?s).*\\b" + java.util.regex.Pattern.quote(word) + "\\b.*")
                        || "€".equals(word) && text.contains(word) : text.contains(word)) {
                    found.add(entry.getKey());
                    break;
                }
            }
        }
        return found.isEmpty() ? EnumSet.allOf(Topic.class) : found;
    }

    private static String normalized(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
