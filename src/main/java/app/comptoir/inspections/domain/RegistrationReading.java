package app.comptoir.inspections.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.comptoir.bookings.VehiclePlate;

/**
 * Reads the fields of a French registration document (certificat d'immatriculation) out of OCR lines: A (plate),
 * B (first registration), D.1 (brand), D.3 (model), E (VIN), J (category; from J.1's national genre when J is
 * missing), P.3 (fuel) and C.1 (owner). Each field is a proposal for the inspector to confirm: its value normalised,
 * the raw text kept, the OCR's confidence, and whether it validates (a plate, a VIN, a date, a category).
 *
 * <p>OCR noise is tolerated where the correction is unambiguous: labels written {@code D.1}, {@code D1},
 * {@code D 1}, {@code (D.1)}, {@code D.l} or {@code D.1:}; I, O and Q read in a VIN (it never contains them: 1, 0, 0);
 * letters read at the digit positions of a plate, and digits at its letter positions, when the result is a plate;
 * a label glued to its value ({@code JM1}) when the rest validates.
 */
public final class RegistrationReading {

    /** A word recognised by the OCR, with its confidence from 0 to 1. */
    public record Word(String text, double confidence) {
    }

    /**
     * A proposed field: its document code (A, B, D.1...), the form's name (plate, firstRegisteredOn...), the value
     * (normalised; a date in ISO yyyy-mm-dd), the raw text read, the confidence (0..1), and when it does not
     * validate, why (the value is then the raw text, to correct).
     */
    public record Field(String code, String name, String value, String raw, double confidence, boolean valid,
                        String problem) {
    }

    /** The document's fields the reading proposes, by code, with the form names the pages use. */
    public static final Map<String, String> NAMES = Map.of("A", "plate", "B", "firstRegisteredOn", "D.1", "brand",
            "D.3", "model", "E", "vin", "J", "category", "P.3", "fuel", "C.1", "ownerName");

    /** The order in which fields are listed (the form's order). */
    private static final List<String> ORDER = List.of("A", "E", "D.1", "D.3", "J", "P.3", "B", "C.1");

    /** Every label of the document (2009 model), so that a value stops at the next one. */
    private static final Set<String> LABELS = Set.of("A", "B", "C.1", "C.3", "C.4.1", "C.4A", "C.4.A", "D.1", "D.2",
            "D.2.1", "D.3", "E", "F.1", "F.2", "F.3", "G", "G.1", "H", "I", "I.1", "J", "J.1", "J.2", "J.3", "K",
            "P.1", "P.2", "P.3", "P.6", "Q", "S.1", "S.2", "U.1", "U.2", "V.7", "V.9", "X.1", "Y.1", "Y.2", "Y.3",
            "Y.4", "Y.5", "Y.6", "Z.1", "Z.2", "Z.3", "Z.4");

    /** Labels that are one bare letter: taken as labels only at the start of a line (they are also words). */
    private static final Pattern BARE_LETTER = Pattern.compile("[A-Z]");
    private static final Pattern DATE = Pattern.compile("([0-9OIl|]{1,2})\\s*[/.\\-]\\s*([0-9OIl|]{1,2})\\s*[/.\\-]\\s*([0-9OIl|]{4})");
    private static final Pattern SIV_SHAPE = Pattern.compile("(\\w{2})[- ]?(\\w{3})[- ]?(\\w{2})");

    /** The national genres (J.1) of the categories the centre inspects. */
    private static final Map<String, VehicleCategory> GENRES = Map.of("VP", VehicleCategory.M1,
            "CTTE", VehicleCategory.N1, "MTL", VehicleCategory.L, "MTT1", VehicleCategory.L,
            "MTT2", VehicleCategory.L, "MTTE", VehicleCategory.L, "CL", VehicleCategory.L, "CYCL", VehicleCategory.L,
            "QM", VehicleCategory.L, "TRI", VehicleCategory.L);

    private RegistrationReading() {
    }

    /** The fields found in the lines (each a list of words in reading order); none for a blank page. */
    public static List<Field> read(List<List<Word>> lines) {
        Map<String, List<Word>> values = new LinkedHashMap<>();
        for (List<Word> line : lines) {
            collect(line, values);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        values.forEach((code, words) -> {
            Field field = field(code, words);
            if (field != null) {
                fields.merge(field.code(), field, RegistrationReading::better);
            }
        });
        if (!fields.containsKey("J") && values.containsKey("J.1")) {
            Field genre = genre(values.get("J.1"));
            if (genre != null) {
                fields.put("J", genre);
            }
        }
        List<Field> ordered = new ArrayList<>();
        for (String code : ORDER) {
            if (fields.containsKey(code)) {
                ordered.add(fields.get(code));
            }
        }
        return ordered;
    }

    /** Splits a line into label → value words (a value runs to the next label or the end of the line). */
    private static void collect(List<Word> line, Map<String, List<Word>> values) {
        String current = null;
        List<Word> value = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            Word word = line.get(i);
            String label = null;
            int consumed = 0;
            String alone = label(word.text());
            if (i + 1 < line.size() && (i == 0 || current == null) && word.text().matches("[A-Za-z]")
                    && line.get(i + 1).text().matches("[0-9lI|]") && label(word.text() + "." + line.get(i + 1).text()) != null) {
                // "D 1": the label split in two words
                label = label(word.text() + "." + line.get(i + 1).text());
                consumed = 1;
            } else if (alone != null && (i == 0 || !BARE_LETTER.matcher(alone).matches() || bracketed(word.text())
                    || validates(alone, line, i + 1))) {
                label = alone;
            } else if (i == 0) {
                // "JM1": a one-letter label glued to a value that validates without it
                Glued glued = glued(word);
                if (glued != null) {
                    finish(current, value, values);
                    current = glued.label();
                    value = new ArrayList<>(List.of(glued.value()));
                    continue;
                }
            }
            if (label != null) {
                finish(current, value, values);
                current = label;
                value = new ArrayList<>();
                i += consumed;
            } else if (current != null) {
                value.add(word);
            }
        }
        finish(current, value, values);
    }

    private static void finish(String label, List<Word> value, Map<String, List<Word>> values) {
        if (label != null && !value.isEmpty() && !values.containsKey(label)) {
            values.put(label, List.copyOf(value));
        } else if (label != null && !value.isEmpty() && values.containsKey(label)) {
            // a label read twice: keep the reading whose field validates, else the first (see better())
            values.put(label + "#" + values.size(), List.copyOf(value));
        }
    }

    /** Whether the word after a bare letter inside a line is a valid value of that field ("A AB-123-CD B 15/03/2019"). */
    private static boolean validates(String label, List<Word> line, int next) {
        if (!NAMES.containsKey(label) || next >= line.size()) {
            return false;
        }
        Field field = field(label, List.of(line.get(next)));
        return field != null && field.valid() && Set.of("A", "B", "E", "J").contains(label);
    }

    private record Glued(String label, Word value) {
    }

    private static Glued glued(Word word) {
        String text = word.text().strip();
        if (text.length() < 3) {
            return null;
        }
        String label = label(text.substring(0, 1));
        if (label == null || !NAMES.containsKey(label)) {
            return null;
        }
        Word rest = new Word(text.substring(1), word.confidence());
        Field field = field(label, List.of(rest));
        return field != null && field.valid() && !"D.1".equals(label) ? new Glued(label, rest) : null;
    }

    /** The label a word is, in its canonical spelling ("D.1"), or null when it is no label. */
    static String label(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT)
                .replace('À', 'A').replace('É', 'E').replace('È', 'E');
        t = t.replaceAll("^[(\\[{]+|[)\\]}:;.,]+$", "");
        if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
            return null;
        }
        String head = t.substring(0, 1);
        String tail = t.substring(1).replace(',', '.').replace('-', '.').replace('_', '.');
        if (!tail.isEmpty()) {
            if (!tail.startsWith(".")) {
                tail = "." + tail;
            }
            // after the letter, only digits (and C.4a's a): I, L and | are ones, O is a zero
            StringBuilder fixed = new StringBuilder();
            for (char c : tail.toCharArray()) {
                fixed.append(switch (c) {
                    case 'I', 'L', '|', '!' -> '1';
                    case 'O' -> '0';
                    default -> c;
                });
            }
            tail = fixed.toString();
        }
        String label = head + tail;
        return LABELS.contains(label) ? label : null;
    }

    private static boolean bracketed(String text) {
        String t = text.strip();
        return t.startsWith("(") || t.endsWith(")") || t.endsWith(":");
    }

    /** The field of a label's words, or null when the label is not one the reading proposes. */
    private static Field field(String key, List<Word> words) {
        String code = key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
        if (!NAMES.containsKey(code)) {
            return null;
        }
        String raw = String.join(" ", words.stream().map(Word::text).toList()).strip();
        double confidence = words.stream().mapToDouble(Word::confidence).average().orElse(0);
        confidence = Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0;
        String name = NAMES.get(code);
        return switch (code) {
            case "A" -> plate(raw, confidence);
            case "B" -> date(raw, confidence);
            case "E" -> vin(raw, confidence);
            case "J" -> category(raw, confidence);
            case "P.3" -> new Field(code, name, fuel(raw), raw, confidence, true, null);
            default -> new Field(code, name, raw.replaceAll("\\s+", " "), raw, confidence, true, null);
        };
    }

    private static Field plate(String raw, double confidence) {
        String typed = raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 -]", "").strip();
        Optional<String> plate = VehiclePlate.normalize(typed);
        double c = confidence;
        if (plate.isEmpty()) {
            plate = sivCorrected(typed);
            c = confidence * 0.9;
        }
        if (plate.isEmpty()) {
            // the plate may be followed by noise: try its first word(s)
            String[] parts = typed.split(" ");
            for (int n = Math.min(3, parts.length - 1); n >= 1 && plate.isEmpty(); n--) {
                plate = VehiclePlate.normalize(String.join(" ", List.of(parts).subList(0, n)));
                c = confidence;
            }
        }
        double certainty = round(c);
        return plate.map(p -> new Field("A", "plate", p, raw, certainty, true, null))
                .orElseGet(() -> new Field("A", "plate", raw, raw, confidence, false,
                        "not a French plate (AB-123-CD or 1234 AB 56)"));
    }

    /** A SIV plate with letters read at its digit positions and digits at its letter positions put right. */
    private static Optional<String> sivCorrected(String typed) {
        Matcher m = SIV_SHAPE.matcher(typed.replace(" ", "-"));
        if (!m.matches()) {
            return Optional.empty();
        }
        String fixed = letters(m.group(1)) + "-" + digits(m.group(2)) + "-" + letters(m.group(3));
        return VehiclePlate.normalize(fixed);
    }

    private static String letters(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case '8' -> 'B';
                case '5' -> 'S';
                case '2' -> 'Z';
                case '6' -> 'G';
                default -> c;
            });
        }
        return b.toString();
    }

    private static String digits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case 'O', 'Q', 'D' -> '0';
                case 'I', 'L' -> '1';
                case 'S' -> '5';
                case 'B' -> '8';
                case 'Z' -> '2';
                case 'G' -> '6';
                default -> c;
            });
        }
        return b.toString();
    }

    private static Field date(String raw, double confidence) {
        Matcher m = DATE.matcher(raw);
        if (m.find()) {
            try {
                LocalDate date = LocalDate.of(number(m.group(3)), number(m.group(2)), number(m.group(1)));
                if (date.getYear() >= 1900) {
                    return new Field("B", "firstRegisteredOn", date.toString(), raw, confidence, true, null);
                }
            } catch (DateTimeException e) {
                // not a day of the calendar: reported below
            }
        }
        return new Field("B", "firstRegisteredOn", raw, raw, confidence, false, "not a date (dd/mm/yyyy)");
    }

    private static int number(String s) {
        return Integer.parseInt(s.replace('O', '0').replace('I', '1').replace('l', '1').replace('|', '1'));
    }

    private static Field vin(String raw, double confidence) {
        // a VIN never contains I, O nor Q: read so, they are 1, 0 and 0
        String text = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-.]", "")
                .replace('I', '1').replace('O', '0').replace('Q', '0');
        Optional<String> vin = Vin.normalize(text);
        if (vin.isEmpty() && text.length() > 17) {
            vin = Vin.normalize(text.substring(0, 17));
        }
        return vin.map(v -> new Field("E", "vin", v, raw, confidence, true, null))
                .orElseGet(() -> new Field("E", "vin", raw, raw, confidence, false,
                        "not a VIN (17 letters and digits, without I, O or Q)"));
    }

    private static Field category(String raw, double confidence) {
        String first = raw.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
        // after M, N or L comes a digit: I, L and | read there are ones
        String code = first.length() >= 2 ? first.charAt(0) + first.substring(1).replace('I', '1').replace('|', '1')
                .replaceFirst("^L", "1") : first;
        return VehicleCategory.of(code)
                .map(c -> new Field("J", "category", c.name(), raw, confidence, true, null))
                .orElseGet(() -> new Field("J", "category", raw, raw, confidence, false,
                        "not a category the centre inspects (M1, N1, L)"));
    }

    /** J from J.1's national genre (VP, CTTE, MTL...) when J itself was not read. */
    private static Field genre(List<Word> words) {
        String raw = String.join(" ", words.stream().map(Word::text).toList()).strip();
        double confidence = round(words.stream().mapToDouble(Word::confidence).average().orElse(0));
        String genre = raw.split("\\s+")[0].toUpperCase(Locale.ROOT).replace('0', 'O');
        VehicleCategory category = GENRES.get(genre);
        return category == null ? new Field("J", "category", raw, raw, confidence, false,
                "not a category the centre inspects (M1, N1, L)")
                : new Field("J", "category", category.name(), raw, confidence, true, null);
    }

    private static String fuel(String raw) {
        String first = raw.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
        // the fuel codes are letters (and H2): a zero read there is an O
        return first.equals("H2") ? first : first.replace('0', 'O');
    }

    /** Of two readings of one field, the valid one, else the more confident. */
    private static Field better(Field a, Field b) {
        if (a.valid() != b.valid()) {
            return a.valid() ? a : b;
        }
        return b.confidence() > a.confidence() ? b : a;
    }

    private static double round(double confidence) {
        return Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0;
    }
}
