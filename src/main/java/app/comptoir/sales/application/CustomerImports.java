package app.comptoir.sales.application;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.Csv;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.Permission;
import app.comptoir.sales.domain.CustomerKind;
import app.comptoir.sales.persistence.CustomerView;

/**
 * Customers imported from a CSV file (one customer a line, with an optional address), checked line by line as
 * the customer form checks them, with a dry run that reports what would be created without writing. The file
 * is read as the product import reads it ({@link Csv}: UTF-8 with or without byte order mark or Windows-1252,
 * comma, semicolon or tab detected); the column names are the English ones or the French ones a French
 * spreadsheet would have. All or nothing: when a line is invalid nothing is written, and every error is
 * reported with its line and column.
 *
 * <p>Each line goes through {@link Customers#create} and {@link Customers#addAddress} inside one transaction
 * that a dry run (or an error) rolls back, so the checks, the audit trail and the permissions are exactly the
 * ones of a customer typed into the form.
 */
@Service
public class CustomerImports {

    /** The columns, in the order the template file lists them. */
    public static final List<String> COLUMNS = List.of("name", "kind", "email", "phone", "notes", "address",
            "address_2", "postal_code", "city", "country");
    /** The lines read from one file at most (a typo guard, far above a shop's customer list). */
    static final int MAX_LINES = 20_000;
    /** Column names as a French spreadsheet writes them, and a few English variants, without accents. */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("nom", "name"),
            Map.entry("type", "kind"), Map.entry("e-mail", "email"), Map.entry("mail", "email"),
            Map.entry("courriel", "email"), Map.entry("telephone", "phone"), Map.entry("tel", "phone"),
            Map.entry("remarques", "notes"), Map.entry("adresse", "address"), Map.entry("line1", "address"),
            Map.entry("complement d'adresse", "address_2"), Map.entry("complement", "address_2"),
            Map.entry("line2", "address_2"), Map.entry("code postal", "postal_code"),
            Map.entry("postalcode", "postal_code"), Map.entry("cp", "postal_code"), Map.entry("ville", "city"),
            Map.entry("pays", "country"));
    /** The customer and address fields of the services, by column. */
    private static final Map<String, String> FIELD_COLUMNS = Map.of("name", "name", "kind", "kind", "email", "email",
            "phone", "phone", "notes", "notes", "line1", "address", "line2", "address_2", "postalCode", "postal_code",
            "city", "city", "country", "country");

    /** An error of one line of the file (line 1 is the header); {@code column} is null for the whole line. */
    public record LineError(int line, String column, String message) {
    }

    /** What an import did, or would do for a dry run. */
    public record Report(boolean dryRun, boolean written, int lines, int customersCreated, int addressesCreated,
                         List<LineError> errors) {
    }

    private final Customers customers;
    private final SalesActor actor;
    private final TransactionTemplate tx;

    CustomerImports(Customers customers, SalesActor actor, PlatformTransactionManager transactions) {
        this.customers = customers;
        this.actor = actor;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Reads the file and creates its customers, or with {@code dryRun} only reports what it would do. */
    public Report importCsv(byte[] bytes, boolean dryRun) {
        return importCsv(bytes, dryRun, JobProgress.NONE);
    }

    /**
     * The same, reporting its progress in lines (a background job's bar): the total once the file is read,
     * then each line checked (or created).
     */
    public Report importCsv(byte[] bytes, boolean dryRun, JobProgress progress) {
        actor.require(Permission.CUSTOMERS_WRITE);
        List<LineError> errors = new ArrayList<>();
        String text = Csv.decode(bytes);
        if (text.isBlank()) {
            throw InvalidInputException.field("file", "is empty; the first line must name the columns: "
                    + String.join(", ", COLUMNS));
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text, Csv.detectSeparator(text));
        } catch (Csv.MalformedCsvException e) {
            return new Report(dryRun, false, 0, 0, 0, List.of(new LineError(e.line(), null, e.getMessage())));
        }
        List<String> header = rows.getFirst().cells().stream().map(CustomerImports::column).toList();
        for (int i = 0; i < header.size(); i++) {
            if (!COLUMNS.contains(header.get(i))) {
                errors.add(new LineError(1, rows.getFirst().cells().get(i), "unknown column; the columns are "
                        + String.join(", ", COLUMNS)));
            }
        }
        if (!header.contains("name")) {
            errors.add(new LineError(1, "name", "the file needs a name column"));
        }
        List<Csv.Row> lines = rows.subList(1, rows.size()).stream().filter(r -> !r.blank()).toList();
        if (lines.size() > MAX_LINES) {
            errors.add(new LineError(1, null, "the file has more than " + MAX_LINES + " customers; split it"));
        }
        if (!errors.isEmpty()) {
            return new Report(dryRun, false, lines.size(), 0, 0, errors);
        }
        int[] created = new int[2];
        progress.total(lines.size());
        int[] done = {0};
        tx.executeWithoutResult(status -> {
            for (Csv.Row row : lines) {
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String cell = i < row.cells().size() ? Csv.unprotect(row.cells().get(i)).strip() : "";
                    cells.put(header.get(i), cell.isEmpty() ? null : cell);
                }
                importLine(row.line(), cells, created, errors);
                progress.done(++done[0]);
            }
            if (dryRun || !errors.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        return new Report(dryRun, !dryRun && errors.isEmpty(), lines.size(), created[0], created[1], errors);
    }

    private void importLine(int line, Map<String, String> cells, int[] created, List<LineError> errors) {
        CustomerKind kind;
        try {
            kind = kind(cells.get("kind"));
        } catch (IllegalArgumentException e) {
            errors.add(new LineError(line, "kind", "must be PERSON or COMPANY (particulier or entreprise)"));
            return;
        }
        boolean address = cells.get("address") != null || cells.get("address_2") != null
                || cells.get("postal_code") != null || cells.get("city") != null;
        try {
            CustomerView customer = customers.create(new CustomerRequest(kind, cells.get("name"), cells.get("email"),
                    cells.get("phone"), cells.get("notes"), null));
            created[0]++;
            if (address) {
                customers.addAddress(customer.id(), new AddressRequest(null, cells.get("address"),
                        cells.get("address_2"), cells.get("postal_code"), cells.get("city"), cells.get("country"), null,
                        null, true, true));
                created[1]++;
            }
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.add(new LineError(line,
                    FIELD_COLUMNS.getOrDefault(error.field(), error.field()), error.message())));
        }
    }

    private static CustomerKind kind(String raw) {
        if (raw == null) {
            return CustomerKind.PERSON;
        }
        return switch (plain(raw)) {
            case "person", "particulier", "personne" -> CustomerKind.PERSON;
            case "company", "entreprise", "societe", "professionnel" -> CustomerKind.COMPANY;
            default -> throw new IllegalArgumentException(raw);
        };
    }

    /** A header cell as a column name: trimmed, lower case, accents away, French names translated. */
    private static String column(String cell) {
        String plain = plain(cell);
        return ALIASES.getOrDefault(plain, plain.replace(' ', '_'));
    }

    private static String plain(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
