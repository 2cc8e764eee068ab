package app.comptoir.assistant.domain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.comptoir.assistant.Language;
import app.comptoir.assistant.Length;
import app.comptoir.assistant.TargetPlatform;
import app.comptoir.assistant.Tone;

/**
 * The writer used when no model provider is configured: a description assembled from templates over the
 * product's facts, in French or English. The tone chooses the wording (friendly "découvrez", formal
 * "nous vous présentons", fun exclamations), the length how many parts are written (short: one sentence;
 * medium: the options, the price and a closing line; long: a list of the details as well), the platform what
 * fits there (no price on Vinted, which shows it; hashtags on social networks). Same facts and settings, same
 * text: there is no randomness.
 */
public final class BuiltinWriter {

    private BuiltinWriter() {
    }

    /** The description of these facts. */
    public static String write(ProductFacts facts, TargetPlatform platform, Tone tone, Length length,
                               Language language) {
        Words words = language == Language.EN ? EN : FR;
        List<String> parts = new ArrayList<>();
        parts.add(words.opening(tone, facts));
        if (length != Length.SHORT) {
            String options = words.options(facts);
            if (options != null) {
                parts.add(options);
            }
            if (platform != TargetPlatform.VINTED && facts.minPrice() != null) {
                parts.add(words.price(tone, facts, language));
            }
            parts.add(words.closing(tone, platform));
        }
        StringBuilder text = new StringBuilder(String.join(" ", parts));
        if (length == Length.LONG) {
            text.append("\n\n").append(words.detailsTitle(tone)).append('\n');
            for (String detail : words.details(facts)) {
                text.append("- ").append(detail).append('\n');
            }
            text.append("\n").append(words.care(tone));
        }
        if (platform == TargetPlatform.SOCIAL) {
            String tags = hashtags(facts);
            if (!tags.isEmpty()) {
                text.append(length == Length.LONG ? "\n" : "\n\n").append(tags);
            }
        }
        return text.toString().strip();
    }

    private static String hashtags(ProductFacts facts) {
        List<String> tags = new ArrayList<>();
        if (facts.category() != null) {
            tags.add(facts.category());
        }
        tags.addAll(facts.tags());
        return String.join(" ", tags.stream().map(t -> "#" + t.replaceAll("[^\\p{L}\\p{N}]", "")).filter(t -> t.length() > 1)
                .distinct().toList());
    }

    private static String join(List<String> values, String and) {
        if (values.size() <= 1) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " " + and + " " + values.getLast();
    }

    private static String money(BigDecimal amount, String currency, Language language) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language == Language.EN ? Locale.UK : Locale.FRANCE);
        if (currency != null) {
            try {
                Currency c = Currency.getInstance(currency);
                format.setCurrency(c);
                format.setMinimumFractionDigits(c.getDefaultFractionDigits());
                format.setMaximumFractionDigits(c.getDefaultFractionDigits());
            } catch (IllegalArgumentException unknown) {
                // An unknown code keeps the locale's currency sign out: the amount alone, then the code.
                return amount.toPlainString() + " " + currency;
            }
        }
        return format.format(amount);
    }

    /** The wording of one language. */
    private interface Words {
        String opening(Tone tone, ProductFacts facts);

        String options(ProductFacts facts);

        String price(Tone tone, ProductFacts facts, Language language);

        String closing(Tone tone, TargetPlatform platform);

        String detailsTitle(Tone tone);

        List<String> details(ProductFacts facts);

        String care(Tone tone);
    }

    private static final Words FR = new Words() {
        @Override
        public String opening(Tone tone, ProductFacts f) {
            String brand = f.brand() == null ? "" : switch (tone) {
                case FORMAL -> ", de la marque " + f.brand();
                default -> " de " + f.brand();
            };
            String category = f.category() == null ? "" : switch (tone) {
                case FRIENDLY -> ", parfait pour votre rayon " + f.category().toLowerCase(Locale.FRENCH);
                case FORMAL -> ", issu de notre gamme " + f.category().toLowerCase(Locale.FRENCH);
                case FUN -> " : la star du rayon " + f.category().toLowerCase(Locale.FRENCH);
            };
            return switch (tone) {
                case FRIENDLY -> "Découvrez " + f.name() + brand + category + ".";
                case FORMAL -> "Nous vous présentons " + f.name() + brand + category + ".";
                case FUN -> "Coup de cœur assuré avec " + f.name() + brand + category + " !";
            };
        }

        @Override
        public String options(ProductFacts f) {
            if (f.forVariant()) {
                List<String> chosen = f.variantOptions().entrySet().stream()
                        .map(e -> e.getKey().toLowerCase(Locale.FRENCH) + " " + e.getValue()).toList();
                return "Ce modèle : " + join(chosen, "et") + ".";
            }
            List<String> sentences = new ArrayList<>();
            for (Map.Entry<String, List<String>> option : f.options().entrySet()) {
                if (!option.getValue().isEmpty()) {
                    sentences.add(option.getKey().toLowerCase(Locale.FRENCH) + " " + join(option.getValue(), "ou"));
                }
            }
            return sentences.isEmpty() ? null : "Disponible en " + join(sentences, "et") + ".";
        }

        @Override
        public String price(Tone tone, ProductFacts f, Language language) {
            String amount = money(f.minPrice(), f.currency(), language);
            boolean range = f.maxPrice() != null && f.maxPrice().compareTo(f.minPrice()) > 0;
            return switch (tone) {
                case FRIENDLY -> (range ? "À partir de " : "Seulement ") + amount + ".";
                case FORMAL -> (range ? "Tarif à partir de " : "Tarif : ") + amount + ".";
                case FUN -> (range ? "Dès " : "Tout ça pour ") + amount + " !";
            };
        }

        @Override
        public String closing(Tone tone, TargetPlatform platform) {
            if (platform == TargetPlatform.VINTED) {
                return switch (tone) {
                    case FRIENDLY -> "Envoi rapide et soigné.";
                    case FORMAL -> "Expédition soignée sous deux jours ouvrés.";
                    case FUN -> "Il n'attend plus que vous, envoi express !";
                };
            }
            return switch (tone) {
                case FRIENDLY -> "Un indispensable que vous allez adorer.";
                case FORMAL -> "Nos conseillers restent à votre disposition pour tout renseignement.";
                case FUN -> "Foncez, il n'y en aura pas pour tout le monde !";
            };
        }

        @Override
        public String detailsTitle(Tone tone) {
            return switch (tone) {
                case FRIENDLY -> "En bref :";
                case FORMAL -> "Caractéristiques :";
                case FUN -> "Ce qu'il faut savoir :";
            };
        }

        @Override
        public List<String> details(ProductFacts f) {
            List<String> lines = new ArrayList<>();
            lines.add("Produit : " + f.name());
            if (f.brand() != null) {
                lines.add("Marque : " + f.brand());
            }
            if (f.category() != null) {
                lines.add("Catégorie : " + f.category());
            }
            if (f.forVariant()) {
                f.variantOptions().forEach((name, value) -> lines.add(name + " : " + value));
            } else {
                f.options().forEach((name, values) -> lines.add(name + " : " + String.join(", ", values)));
            }
            if (f.unit() != null) {
                lines.add("Vendu à l'unité de vente : " + f.unit());
            }
            if (!f.tags().isEmpty()) {
                lines.add("Mots-clés : " + String.join(", ", f.tags()));
            }
            return lines;
        }

        @Override
        public String care(Tone tone) {
            return switch (tone) {
                case FRIENDLY -> "Une question ? Écrivez-nous, nous répondons avec plaisir.";
                case FORMAL -> "Pour toute question, notre équipe vous répondra dans les meilleurs délais.";
                case FUN -> "Une question ? On adore papoter, écrivez-nous !";
            };
        }
    };

    private static final Words EN = new Words() {
        @Override
        public String opening(Tone tone, ProductFacts f) {
            String brand = f.brand() == null ? "" : " by " + f.brand();
            String category = f.category() == null ? "" : switch (tone) {
                case FRIENDLY -> ", just right for your " + f.category().toLowerCase(Locale.ENGLISH) + " corner";
                case FORMAL -> ", from our " + f.category().toLowerCase(Locale.ENGLISH) + " range";
                case FUN -> ": the star of the " + f.category().toLowerCase(Locale.ENGLISH) + " aisle";
            };
            return switch (tone) {
                case FRIENDLY -> "Meet " + f.name() + brand + category + ".";
                case FORMAL -> "We are pleased to present " + f.name() + brand + category + ".";
                case FUN -> "Say hello to " + f.name() + brand + category + "!";
            };
        }

        @Override
        public String options(ProductFacts f) {
            if (f.forVariant()) {
                List<String> chosen = f.variantOptions().entrySet().stream()
                        .map(e -> e.getKey().toLowerCase(Locale.ENGLISH) + " " + e.getValue()).toList();
                return "This one: " + join(chosen, "and") + ".";
            }
            List<String> sentences = new ArrayList<>();
            for (Map.Entry<String, List<String>> option : f.options().entrySet()) {
                if (!option.getValue().isEmpty()) {
                    sentences.add(option.getKey().toLowerCase(Locale.ENGLISH) + " " + join(option.getValue(), "or"));
                }
            }
            return sentences.isEmpty() ? null : "Available in " + join(sentences, "and") + ".";
        }

        @Override
        public String price(Tone tone, ProductFacts f, Language language) {
            String amount = money(f.minPrice(), f.currency(), language);
            boolean range = f.maxPrice() != null && f.maxPrice().compareTo(f.minPrice()) > 0;
            return switch (tone) {
                case FRIENDLY -> (range ? "From " : "Only ") + amount + ".";
                case FORMAL -> (range ? "Priced from " : "Price: ") + amount + ".";
                case FUN -> (range ? "From just " : "All that for ") + amount + "!";
            };
        }

        @Override
        public String closing(Tone tone, TargetPlatform platform) {
            if (platform == TargetPlatform.VINTED) {
                return switch (tone) {
                    case FRIENDLY -> "Shipped quickly and with care.";
                    case FORMAL -> "Carefully dispatched within two working days.";
                    case FUN -> "It's packed and ready to fly your way!";
                };
            }
            return switch (tone) {
                case FRIENDLY -> "A must-have you are going to love.";
                case FORMAL -> "Our advisers remain at your disposal for any enquiry.";
                case FUN -> "Grab it before everyone else does!";
            };
        }

        @Override
        public String detailsTitle(Tone tone) {
            return switch (tone) {
                case FRIENDLY -> "In short:";
                case FORMAL -> "Specifications:";
                case FUN -> "The need-to-know:";
            };
        }

        @Override
        public List<String> details(ProductFacts f) {
            List<String> lines = new ArrayList<>();
            lines.add("Product: " + f.name());
            if (f.brand() != null) {
                lines.add("Brand: " + f.brand());
            }
            if (f.category() != null) {
                lines.add("Category: " + f.category());
            }
            if (f.forVariant()) {
                f.variantOptions().forEach((name, value) -> lines.add(name + ": " + value));
            } else {
                f.options().forEach((name, values) -> lines.add(name + ": " + String.join(", ", values)));
            }
            if (f.unit() != null) {
                lines.add("Sold by: " + f.unit());
            }
            if (!f.tags().isEmpty()) {
                lines.add("Keywords: " + String.join(", ", f.tags()));
            }
            return lines;
        }

        @Override
        public String care(Tone tone) {
            return switch (tone) {
                case FRIENDLY -> "Any question? Write to us, we are happy to help.";
                case FORMAL -> "Should you have any question, our team will answer promptly.";
                case FUN -> "Questions? We love a chat, drop us a line!";
            };
        }
    };
}
