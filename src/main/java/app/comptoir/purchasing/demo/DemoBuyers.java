package app.comptoir.purchasing.demo;

import java.util.List;
import java.util.Map;

/**
 * What the demo shops buy and from whom: the Dakar shop's suppliers (five manual contacts and the registered
 * Grossiste Sandaga), which supplier supplies which of its staples, and the purchase orders of both buying shops
 * (the Dakar shop's over four months, the garden shop's connected orders to Agri Lyon), as plans: age, supplier,
 * status reached, and for open orders the expected date relative to today.
 */
final class DemoBuyers {

    static final String DAKAR_SHOP = "boutique-awa";
    static final String GARDEN_SHOP = "jardin-des-lilas";
    /** The key of the supplier linked to a registered supplier, in the plans below. */
    static final String REGISTERED = "REGISTERED";

    /** A supplier of a demo shop; {@code registeredSlug} links it to a registered supplier's business. */
    record SupplierSeed(String key, String name, String contact, String phone, String email, String address, String city,
                        String notes, boolean favourite, int leadDays, String skuPrefix, String registeredSlug) {
    }

    /**
     * Who supplies a product of the Dakar shop, best first; the registered supplier only for the packs it sells
     * ({@code registeredCodes}: option value of the shop's variant → the supplier's catalog code).
     */
    record SupplyRule(String productName, List<String> supplierKeys, Map<String, String> registeredCodes) {
    }

    /**
     * An order to make: created {@code ageDays} ago, taken to {@code status}; {@code expectedInDays} (from today)
     * for an open order, null to derive it from the lead time; {@code refusedBySupplier} for a connected order the
     * supplier turned down; {@code receivedNow} for the delivered order received into stock as the demo loads.
     */
    record Plan(int ageDays, String supplierKey, String status, Integer expectedInDays, boolean refusedBySupplier,
                String note, boolean receivedNow) {

        Plan(int ageDays, String supplierKey, String status, Integer expectedInDays, boolean refusedBySupplier,
             String note) {
            this(ageDays, supplierKey, status, expectedInDays, refusedBySupplier, note, false);
        }
    }

    /** A garden variant the registered garden supplier sells: product name prefix and option value. */
    record GardenMatch(String code, String namePrefix, String optionValue) {
    }

    private DemoBuyers() {
    }

    static final List<SupplierSeed> DAKAR_SUPPLIERS = List.of(
            new SupplierSeed("NDIAYE", "Établissements Ndiaye et Fils", "Moussa Ndiaye", "+221 77 512 34 56",
                    "ets.ndiaye@orange.sn", "Marché Tilène, rue 19 angle rue 22, Médina", "Dakar",
                    "Livre le mardi et le vendredi. Paiement comptant à la livraison.", true, 1, "NDF", null),
            new SupplierSeed("HUILERIE", "Huilerie du Cap-Vert", "Fatou Sarr", "+221 78 634 21 09",
                    "commandes@huilerie-capvert.sn", "Zone industrielle, km 4,5 route de Rufisque", "Dakar",
                    "Remise de 3 % à partir de 10 bidons. Bidons vides repris.", false, 3, "HCV", null),
            new SupplierSeed("SOW", "Sow Distribution", "Ibrahima Sow", "+221 76 245 87 12", null,
                    "Rue 6 prolongée, Colobane", "Dakar", "Appeler la veille ; le camion passe le jeudi.", false, 2,
                    "SOW", null),
            new SupplierSeed("DIALLO", "Laiterie Diallo", "Aminata Diallo", "+221 77 908 45 33",
                    "laiterie.diallo@gmail.com", "Quartier Darou Salam, Keur Massar", "Pikine",
                    "Lait caillé livré frais, à commander avant 18 h.", false, 1, "LDI", null),
            new SupplierSeed("FALL", "Droguerie Fall", "Cheikh Fall", "+221 70 321 66 48", null,
                    "112 avenue Blaise-Diagne, Médina", "Dakar", "Savon et eau de Javel ; facture sur demande.", false, 2,
                    "DFA", null),
            new SupplierSeed(REGISTERED, "Grossiste Sandaga", "Service commercial", "+221 33 821 45 67",
                    "commandes@grossiste-sandaga.sn", "Marché Sandaga, avenue Émile-Badiane", "Dakar",
                    "Commandes passées sur Comptoir : confirmation et suivi de livraison en ligne.", false, 2, "GS",
                    DemoSupplierCatalogs.SANDAGA));

    static final List<SupplyRule> DAKAR_RULES = List.of(
            new SupplyRule("Riz brisé parfumé", List.of("NDIAYE", REGISTERED),
                    Map.of("Sac de 50 kg", "RIZ-BRISE-50", "Sac de 25 kg", "RIZ-BRISE-25")),
            new SupplyRule("Riz local de la vallée", List.of("NDIAYE", REGISTERED), Map.of("Sac de 25 kg", "RIZ-LOCAL-25")),
            new SupplyRule("Farine de blé", List.of(REGISTERED, "NDIAYE"), Map.of("Sac de 25 kg", "FARINE-25")),
            new SupplyRule("Mil", List.of("NDIAYE"), Map.of()),
            new SupplyRule("Pâtes spaghetti", List.of("SOW", REGISTERED), Map.of("Carton de 20 paquets", "SPAG-20")),
            new SupplyRule("Huile d'arachide", List.of("HUILERIE", REGISTERED), Map.of("Bidon de 20 L", "HUILE-ARA-20")),
            new SupplyRule("Huile végétale", List.of("HUILERIE", REGISTERED), Map.of("Carton de 12 x 1 L", "HUILE-VEG-12")),
            new SupplyRule("Concentré de tomate", List.of("SOW", REGISTERED), Map.of("Carton de 24 boîtes", "TOMATE-24")),
            new SupplyRule("Bouillon en cube", List.of(REGISTERED, "SOW"), Map.of("Carton de 24 boîtes", "BOUILLON-24")),
            new SupplyRule("Sucre en poudre", List.of(REGISTERED, "NDIAYE"), Map.of("Sac de 50 kg", "SUCRE-50")),
            new SupplyRule("Sucre en morceaux", List.of(REGISTERED, "NDIAYE"), Map.of("Carton de 20 boîtes", "SUCRE-MOR-20")),
            new SupplyRule("Café Touba", List.of("SOW"), Map.of()),
            new SupplyRule("Thé vert de Chine", List.of("SOW", REGISTERED), Map.of("Carton de 50 paquets", "THE-50")),
            new SupplyRule("Lait en poudre", List.of("DIALLO", REGISTERED), Map.of("Sac de 25 kg", "LAIT-25")),
            new SupplyRule("Lait caillé sucré 500 ml", List.of("DIALLO"), Map.of()),
            new SupplyRule("Savon de Marseille", List.of("FALL", REGISTERED), Map.of("Carton de 36 barres", "SAVON-36")),
            new SupplyRule("Eau de Javel 1 L", List.of("FALL"), Map.of()));

    /** The Dakar shop's orders, oldest first: every status, two open ones late, five connected ones. */
    static final List<Plan> DAKAR_PLANS = List.of(
            new Plan(118, "NDIAYE", "DELIVERED", null, false, null),
            new Plan(112, "HUILERIE", "DELIVERED", null, false, "Livrer avant 10 h, rue barrée l'après-midi."),
            new Plan(105, REGISTERED, "DELIVERED", null, false, null),
            new Plan(99, "SOW", "DELIVERED", null, false, null),
            new Plan(95, "DIALLO", "CANCELLED", null, false, "Plus de lait en poudre chez le fournisseur cette semaine."),
            new Plan(90, "NDIAYE", "DELIVERED", null, false, "Stock pour la Tabaski."),
            new Plan(84, "FALL", "DELIVERED", null, false, null),
            new Plan(78, REGISTERED, "DELIVERED", null, false, null),
            new Plan(71, "HUILERIE", "DELIVERED", null, false, null),
            new Plan(66, "SOW", "CANCELLED", null, false, "Commande passée en double."),
            new Plan(60, "NDIAYE", "DELIVERED", null, false, null),
            new Plan(54, REGISTERED, "CANCELLED", null, true, "Rupture de stock sur le lait en poudre, réassort dans trois semaines."),
            new Plan(49, "DIALLO", "DELIVERED", null, false, null),
            new Plan(42, REGISTERED, "DELIVERED", null, false, "Décharger à l'entrée du marché."),
            new Plan(36, "SOW", "DELIVERED", null, false, null),
            new Plan(30, "HUILERIE", "DELIVERED", null, false, null),
            new Plan(24, "NDIAYE", "DELIVERED", null, false, null),
            new Plan(19, REGISTERED, "DELIVERED", null, false, null),
            new Plan(14, "FALL", "SHIPPED", -4, false, "Relancer M. Fall si rien jeudi."),
            new Plan(12, "SOW", "CONFIRMED", -3, false, null),
            new Plan(8, "NDIAYE", "DELIVERED", null, false, null),
            new Plan(6, "HUILERIE", "CONFIRMED", 2, false, null),
            new Plan(4, "NDIAYE", "SENT", 1, false, null),
            new Plan(3, REGISTERED, "SHIPPED", 1, false, null),
            new Plan(2, REGISTERED, "SENT", 3, false, "Livraison possible le samedi matin."),
            new Plan(2, REGISTERED, "CONFIRMED", 2, false, null),
            new Plan(2, "NDIAYE", "DELIVERED", null, false, "Livrer à la boutique, pas au dépôt.", true),
            new Plan(1, "DIALLO", "DRAFT", 3, false, null),
            new Plan(0, "SOW", "DRAFT", 5, false, "À compléter avec le café si la promotion continue."));

    static final List<SupplierSeed> GARDEN_SUPPLIERS = List.of(
            new SupplierSeed(REGISTERED, "Agri Lyon", "Service clients", "04 78 62 31 40", "commandes@agri-lyon.fr",
                    "ZI du Chapotin, 14 rue du Dauphiné", "Chaponnay",
                    "Commandes passées sur Comptoir. Franco à partir de 150 € HT.", true, 3, "AL",
                    DemoSupplierCatalogs.AGRI_LYON));

    /** The garden shop's connected orders to Agri Lyon. */
    static final List<Plan> GARDEN_PLANS = List.of(
            new Plan(101, REGISTERED, "DELIVERED", null, false, "Commande de printemps."),
            new Plan(74, REGISTERED, "DELIVERED", null, false, null),
            new Plan(47, REGISTERED, "CANCELLED", null, true, "Gazon ombre en rupture jusqu'en mars."),
            new Plan(26, REGISTERED, "DELIVERED", null, false, null),
            new Plan(5, REGISTERED, "SHIPPED", 1, false, "Livrer à l'entrepôt."),
            new Plan(3, REGISTERED, "CONFIRMED", 3, false, null),
            new Plan(1, REGISTERED, "SENT", 5, false, null));

    /** The garden variants Agri Lyon sells, found by product name and option value. */
    static final List<GardenMatch> GARDEN_MATCHES = List.of(
            new GardenMatch("TER-UNIV-70", "Terreau universel", "70 L"),
            new GardenMatch("TER-UNIV-40", "Terreau universel", "40 L"),
            new GardenMatch("TER-POT-40", "Terreau potager", "40 L"),
            new GardenMatch("TER-PLANT-70", "Terreau plantation", "70 L"),
            new GardenMatch("TER-AGR-20", "Terreau agrumes", "20 L"),
            new GardenMatch("TERRE-VEG-40", "Terre végétale", "40 L"),
            new GardenMatch("ENG-UNIV-5", "Engrais universel", "5 kg"),
            new GardenMatch("ENG-UNIV-1", "Engrais universel", "1 kg"),
            new GardenMatch("ENG-GAZ-10", "Engrais gazon", "10 kg"),
            new GardenMatch("CORNE-5", "Corne broyée", "5 kg"),
            new GardenMatch("FUMIER-10", "Fumier de cheval", "10 kg"),
            new GardenMatch("ROSIERS-5", "Engrais rosiers", "5 kg"),
            new GardenMatch("GAZ-RUS-10", "Gazon rustique", "10 kg"),
            new GardenMatch("PAI-PIN-50", "Paillage écorces de pin", "50 L"));

    static final List<String> COMMENTS = List.of(
            "Livraison à l'heure, sacs en bon état.",
            "Bon rapport qualité-prix, rien à redire.",
            "Un carton abîmé, remplacé sans discuter.",
            "Livré avec une journée de retard mais complet.",
            "Toujours aimable et ponctuel.",
            "Prix corrects, le chauffeur a aidé à décharger.",
            "Commande complète, facture claire.");
}
