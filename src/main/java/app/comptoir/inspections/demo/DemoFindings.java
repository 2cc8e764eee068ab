package app.comptoir.inspections.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.comptoir.inspections.domain.Grade;

/**
 * What the demo centre sees: the cars, vans and collection cars of the Lyon area (brand, model, fuel, a VIN with
 * the maker's world code, a first registration that fits the plate) and what its inspectors write about the defects
 * they find, point by point, per grade. Pure: the same random gives the same vehicles and comments.
 */
final class DemoFindings {

    /** A model of vehicle: brand and model as the registration document writes them, its fuels, the maker's VIN prefix. */
    record Model(String brand, String model, List<String> fuels, String wmi) {
    }

    /** A vehicle's identification as filed. */
    record Identity(String brand, String model, String fuel, String vin, LocalDate firstRegistered) {
    }

    static final List<Model> CARS = List.of(
            new Model("RENAULT", "CLIO", List.of("ES", "ES", "GO", "EH"), "VF1"),
            new Model("RENAULT", "CLIO", List.of("ES", "GO"), "VF1"),
            new Model("PEUGEOT", "208", List.of("ES", "ES", "GO"), "VF3"),
            new Model("PEUGEOT", "208", List.of("ES", "GO"), "VF3"),
            new Model("CITROEN", "C3", List.of("ES", "GO"), "VF7"),
            new Model("DACIA", "SANDERO", List.of("ES", "ES", "GP"), "UU1"),
            new Model("RENAULT", "MEGANE", List.of("GO", "ES"), "VF1"),
            new Model("PEUGEOT", "308", List.of("GO", "ES"), "VF3"),
            new Model("PEUGEOT", "3008", List.of("GO", "ES", "EH"), "VF3"),
            new Model("RENAULT", "CAPTUR", List.of("ES", "EH"), "VF1"),
            new Model("DACIA", "DUSTER", List.of("GO", "ES"), "UU1"),
            new Model("CITROEN", "C4", List.of("GO", "ES"), "VF7"),
            new Model("TOYOTA", "YARIS", List.of("EH"), "VNK"),
            new Model("VOLKSWAGEN", "GOLF", List.of("GO", "ES"), "WVW"),
            new Model("VOLKSWAGEN", "POLO", List.of("ES"), "WVW"),
            new Model("FORD", "FIESTA", List.of("ES"), "WF0"),
            new Model("RENAULT", "ZOE", List.of("EL"), "VF1"),
            new Model("FIAT", "500", List.of("ES"), "ZFA"));

    static final List<Model> VANS = List.of(
            new Model("RENAULT", "KANGOO", List.of("GO", "GO", "EL"), "VF1"),
            new Model("RENAULT", "TRAFIC", List.of("GO"), "VF1"),
            new Model("RENAULT", "MASTER", List.of("GO"), "VF1"),
            new Model("PEUGEOT", "PARTNER", List.of("GO"), "VF3"),
            new Model("PEUGEOT", "EXPERT", List.of("GO"), "VF3"),
            new Model("CITROEN", "BERLINGO", List.of("GO", "EL"), "VF7"),
            new Model("CITROEN", "JUMPY", List.of("GO"), "VF7"),
            new Model("FORD", "TRANSIT CUSTOM", List.of("GO"), "WF0"),
            new Model("FIAT", "DUCATO", List.of("GO"), "ZFA"));

    static final List<Model> COLLECTION = List.of(
            new Model("RENAULT", "4L", List.of("ES"), "VF1"),
            new Model("CITROEN", "2CV", List.of("ES"), "VF7"),
            new Model("PEUGEOT", "504", List.of("ES"), "VF3"),
            new Model("RENAULT", "5 ALPINE", List.of("ES"), "VF1"),
            new Model("CITROEN", "DS 21", List.of("ES"), "VF7"),
            new Model("PEUGEOT", "205 GTI", List.of("ES"), "VF3"));

    /** What an inspector writes, per control point, for a minor, a major and a critical defect. */
    private record Remarks(List<String> minor, List<String> major, List<String> critical) {
    }

    private static final Map<String, Remarks> REMARKS = Map.ofEntries(
            Map.entry("0.1", new Remarks(List.of("Plaque arrière mal fixée"),
                    List.of("Plaque d'immatriculation avant illisible"), List.of())),
            Map.entry("1.1", new Remarks(List.of("Efficacité du frein de service proche du seuil"),
                    List.of("Efficacité du frein de service insuffisante"),
                    List.of("Efficacité du frein de service très insuffisante (moins de 30 %)"))),
            Map.entry("1.2", new Remarks(List.of("Léger déséquilibre de freinage sur l'essieu arrière"),
                    List.of("Déséquilibre important du freinage sur l'essieu avant"), List.of())),
            Map.entry("1.3", new Remarks(List.of("Course du levier de frein de stationnement excessive"),
                    List.of("Frein de stationnement inefficace à droite"), List.of())),
            Map.entry("1.4", new Remarks(List.of("Disques avant légèrement usés"),
                    List.of("Disque de frein arrière gauche usé au-delà de la cote minimale"),
                    List.of("Disque de frein avant droit fissuré"))),
            Map.entry("1.5", new Remarks(List.of("Flexible de frein arrière légèrement craquelé"),
                    List.of("Canalisation de frein arrière corrodée"),
                    List.of("Fuite de liquide au flexible de frein avant gauche"))),
            Map.entry("1.6", new Remarks(List.of("Niveau de liquide de frein au minimum"),
                    List.of("Témoin de liquide de frein allumé"), List.of())),
            Map.entry("2.1", new Remarks(List.of("Léger jeu dans la direction"),
                    List.of("Jeu excessif dans la direction"), List.of())),
            Map.entry("2.2", new Remarks(List.of("Soufflet de rotule de direction fendu"),
                    List.of("Jeu dans la rotule de direction avant droite"),
                    List.of("Rotule de direction avant gauche désaccouplée"))),
            Map.entry("2.3", new Remarks(List.of("Léger suintement du circuit d'assistance"),
                    List.of("Fuite importante au circuit d'assistance de direction"), List.of())),
            Map.entry("3.1", new Remarks(List.of("Impact sur le pare-brise hors champ de vision"),
                    List.of("Pare-brise fissuré dans le champ de vision du conducteur"), List.of())),
            Map.entry("3.2", new Remarks(List.of("Balais d'essuie-glace usés"),
                    List.of("Essuie-glace avant inopérant"), List.of())),
            Map.entry("3.3", new Remarks(List.of("Rétroviseur droit mal fixé"),
                    List.of("Rétroviseur gauche manquant"), List.of())),
            Map.entry("4.1", new Remarks(List.of("Optique de projecteur opacifiée"),
                    List.of("Feu de croisement gauche inopérant"), List.of())),
            Map.entry("4.2", new Remarks(List.of("Réglage des projecteurs légèrement trop haut"),
                    List.of("Projecteurs mal réglés, éblouissants"), List.of())),
            Map.entry("4.3", new Remarks(List.of("Feu stop central inopérant"),
                    List.of("Feu stop droit inopérant"), List.of())),
            Map.entry("4.4", new Remarks(List.of("Cabochon de clignotant arrière fêlé"),
                    List.of("Indicateur de direction avant droit inopérant"), List.of())),
            Map.entry("4.5", new Remarks(List.of("Feu de position arrière gauche faible"),
                    List.of("Feu de brouillard arrière inopérant"), List.of())),
            Map.entry("5.1", new Remarks(List.of("Pneumatiques arrière proches du témoin d'usure"),
                    List.of("Pneu avant gauche usé au-delà du témoin"),
                    List.of("Pneu avant droit entaillé, toile apparente"))),
            Map.entry("5.2", new Remarks(List.of("Jante arrière droite voilée"),
                    List.of("Écrou de roue manquant à l'avant gauche"), List.of())),
            Map.entry("5.3", new Remarks(List.of("Amortisseur arrière gauche suintant"),
                    List.of("Amortisseur avant droit inefficace"), List.of())),
            Map.entry("5.4", new Remarks(List.of("Silentbloc de triangle avant détérioré"),
                    List.of("Ressort de suspension arrière gauche cassé"), List.of())),
            Map.entry("6.1", new Remarks(List.of("Corrosion superficielle du plancher"),
                    List.of("Corrosion importante du bas de caisse droit"),
                    List.of("Corrosion perforante du longeron avant"))),
            Map.entry("6.2", new Remarks(List.of("Pare-chocs avant mal fixé"),
                    List.of("Porte arrière droite ne s'ouvre pas de l'extérieur"), List.of())),
            Map.entry("6.3", new Remarks(List.of("Plancher de chargement détérioré"),
                    List.of("Porte de chargement arrière mal verrouillée"), List.of())),
            Map.entry("7.1", new Remarks(List.of("Sangle de ceinture arrière effilochée"),
                    List.of("Ceinture de sécurité conducteur ne se verrouille pas"), List.of())),
            Map.entry("7.2", new Remarks(List.of("Réglage du siège passager dur"),
                    List.of("Siège conducteur mal fixé"), List.of())),
            Map.entry("7.3", new Remarks(List.of(), List.of("Avertisseur sonore inopérant"), List.of())),
            Map.entry("7.4", new Remarks(List.of("Témoin d'airbag allumé par intermittence"),
                    List.of("Témoin de dysfonctionnement d'airbag allumé"), List.of())),
            Map.entry("8.1", new Remarks(List.of("Opacité des fumées proche de la limite"),
                    List.of("Opacité des fumées supérieure à la limite"), List.of())),
            Map.entry("8.2", new Remarks(List.of("Léger suintement d'huile moteur"),
                    List.of("Fuite d'huile moteur importante"),
                    List.of("Fuite de carburant sous le réservoir"))),
            Map.entry("8.3", new Remarks(List.of("Silencieux arrière corrodé"),
                    List.of("Ligne d'échappement non étanche"), List.of())));

    private static final String VIN_CHARACTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private DemoFindings() {
    }

    /** The points an inspector may write this grade about (the ones the remarks have a text for). */
    static boolean remarkable(String code, Grade grade) {
        Remarks r = REMARKS.get(code);
        return r != null && !remarks(r, grade).isEmpty();
    }

    /** What the inspector writes about a defect of this grade on this point. */
    static String remark(String code, Grade grade, Random random) {
        List<String> texts = remarks(REMARKS.get(code), grade);
        return texts.get(random.nextInt(texts.size()));
    }

    private static List<String> remarks(Remarks r, Grade grade) {
        return switch (grade) {
            case MINOR -> r.minor();
            case MAJOR -> r.major();
            case CRITICAL -> r.critical();
            case OK -> List.of();
        };
    }

    /**
     * A vehicle of the category whose plate is given: a van for N1, a collection car for an old FNI plate, else a
     * car; its first registration fits the plate (SIV plates were given in order from AA-001-AA in 2009).
     */
    static Identity identify(String plate, String category, LocalDate today, Random random) {
        boolean fni = !plate.matches("[A-Z]{2}-\\d{3}-[A-Z]{2}");
        List<Model> models = "N1".equals(category) ? VANS : fni ? COLLECTION : CARS;
        Model m = models.get(random.nextInt(models.size()));
        LocalDate first;
        if (fni) {
            first = LocalDate.of(1968 + random.nextInt(24), 1 + random.nextInt(12), 1 + random.nextInt(28));
        } else {
            // the first letter tells roughly the year: A 2009, B 2011, C 2012, D 2014, E 2016, F 2019, G 2021
            int[] years = {2009, 2011, 2012, 2014, 2016, 2019, 2021};
            int index = Math.clamp(plate.charAt(0) - 'A', 0, years.length - 1);
            first = LocalDate.of(years[index], 1, 1).plusDays(random.nextInt(500));
            LocalDate latest = today.minusYears(4);
            if (first.isAfter(latest)) {
                first = latest.minusDays(random.nextInt(200));
            }
        }
        StringBuilder vin = new StringBuilder(m.wmi());
        while (vin.length() < 17) {
            // the serial number (the last six characters) is digits only
            vin.append(vin.length() >= 11 ? (char) ('0' + random.nextInt(10))
                    : VIN_CHARACTERS.charAt(random.nextInt(VIN_CHARACTERS.length())));
        }
        String fuel = m.fuels().get(random.nextInt(m.fuels().size()));
        return new Identity(m.brand(), m.model(), fuel, vin.toString(), first);
    }
}
