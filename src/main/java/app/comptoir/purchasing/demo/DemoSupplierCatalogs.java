package app.comptoir.purchasing.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The two demo wholesalers registered on the marketplace: their commercial profile and their catalog, written by
 * hand (French names, wholesale units, prices in their currency). Product ids derive from the supplier's slug and
 * the product's code, so a shopkeeper's connected orders can point at them before the catalog is loaded.
 */
final class DemoSupplierCatalogs {

    static final String SANDAGA = "grossiste-sandaga";
    static final String AGRI_LYON = "agri-lyon";

    /** A registered supplier's profile. */
    record Profile(String company, String description, String city, List<String> zones, List<String> categories,
                   BigDecimal minimumOrder, String currency, int deliveryDays, String phone, String email) {
    }

    /** One item of a supplier's catalog; {@code stock} null means not tracked. */
    record Product(String code, String name, String category, String description, BigDecimal price, String unit,
                   int minQuantity, Integer stock, boolean available) {
    }

    /** A supplier's profile and catalog. */
    record Supplier(String slug, Profile profile, List<Product> products) {

        Map<String, Product> byCode() {
            return products.stream().collect(Collectors.toMap(Product::code, Function.identity()));
        }
    }

    private DemoSupplierCatalogs() {
    }

    /** The demo supplier with this slug, if it is one. */
    static Optional<Supplier> forSlug(String slug) {
        return switch (slug) {
            case SANDAGA -> Optional.of(sandaga());
            case AGRI_LYON -> Optional.of(agriLyon());
            default -> Optional.empty();
        };
    }

    /** The id of a demo supplier's catalog item. */
    static UUID productId(String slug, String code) {
        return DemoIds.of(slug, "supplier-product", code);
    }

    static Supplier sandaga() {
        Profile profile = new Profile("Grossiste Sandaga",
                "Grossiste en produits de première nécessité au marché Sandaga depuis 1998 : riz, huile, sucre, "
                        + "farine, lait en poudre, conserves et produits d'entretien, au sac, au carton ou à la palette. "
                        + "Livraison en camion dans toute la région de Dakar.",
                "Dakar", List.of("Dakar Plateau", "Médina", "Parcelles Assainies", "Pikine"),
                List.of("Riz", "Huiles", "Sucre", "Farine", "Lait", "Épicerie", "Entretien"),
                new BigDecimal("25000"), "XOF", 2, "+221 33 821 45 67", "commandes@grossiste-sandaga.sn");
        List<Product> products = List.of(
                p("RIZ-BRISE-50", "Riz brisé parfumé Royal Umbrella", "Riz", "Riz brisé parfumé importé de Thaïlande.", "21500", "sac 50 kg", 2, 420, true),
                p("RIZ-BRISE-25", "Riz brisé parfumé Royal Umbrella", "Riz", "Le même riz, en sac de 25 kg.", "11000", "sac 25 kg", 4, 310, true),
                p("RIZ-LOCAL-25", "Riz local de la vallée Terral", "Riz", "Riz blanc de la vallée du fleuve Sénégal.", "10000", "sac 25 kg", 4, 260, true),
                p("RIZ-LONG-50", "Riz long grain Mémé Casse", "Riz", "Riz long grain non parfumé.", "23000", "sac 50 kg", 2, 120, true),
                p("RIZ-BASMATI-25", "Riz basmati", "Riz", "Riz basmati importé.", "22500", "sac 25 kg", 2, 0, false),
                p("RIZ-PALETTE", "Riz brisé parfumé Royal Umbrella, palette", "Riz", "40 sacs de 50 kg filmés sur palette.", "840000", "palette 40 sacs 50 kg", 1, 8, true),
                p("HUILE-ARA-20", "Huile d'arachide Niinal", "Huiles", "Huile d'arachide raffinée du Sénégal.", "23500", "bidon 20 L", 2, 180, true),
                p("HUILE-ARA-12", "Huile d'arachide Niinal", "Huiles", "Bouteilles de 1 L.", "15500", "carton 12 × 1 L", 2, 150, true),
                p("HUILE-VEG-12", "Huile végétale Jadida", "Huiles", "Huile de soja raffinée, bouteilles de 1 L.", "12500", "carton 12 × 1 L", 3, 200, true),
                p("HUILE-VEG-20", "Huile végétale Jadida", "Huiles", "Huile de soja raffinée.", "19500", "bidon 20 L", 2, 90, true),
                p("HUILE-PALME-5", "Huile de palme rouge", "Huiles", "Huile de palme artisanale de Casamance.", "6500", "bidon 5 L", 4, 60, true),
                p("SUCRE-50", "Sucre en poudre CSS", "Sucre", "Sucre blanc de la Compagnie sucrière sénégalaise.", "29500", "sac 50 kg", 2, 350, true),
                p("SUCRE-MOR-20", "Sucre en morceaux CSS", "Sucre", "Boîtes de 1 kg.", "15000", "carton 20 × 1 kg", 2, 110, true),
                p("FARINE-50", "Farine de blé type 55 GMD", "Farine", "Farine des Grands Moulins de Dakar.", "24000", "sac 50 kg", 2, 140, true),
                p("FARINE-25", "Farine de blé type 55 GMD", "Farine", "Farine des Grands Moulins de Dakar.", "12800", "sac 25 kg", 2, 200, true),
                p("LAIT-25", "Lait entier en poudre Vitalait", "Lait", "Lait entier en poudre, sac de 25 kg.", "105000", "sac 25 kg", 1, 40, true),
                p("LAIT-400-24", "Lait en poudre Vitalait", "Lait", "Sachets de 400 g.", "48000", "carton 24 × 400 g", 1, 70, true),
                p("LAIT-CONC-48", "Lait concentré sucré Bonnet Rouge", "Lait", "Boîtes de 397 g.", "19500", "carton 48 boîtes", 1, 80, true),
                p("TOMATE-24", "Concentré de tomate Dieg Bou Diar", "Épicerie", "Double concentré, boîtes de 400 g.", "11500", "carton 24 × 400 g", 2, 160, true),
                p("BOUILLON-24", "Bouillon Jumbo", "Épicerie", "Boîtes de 60 cubes.", "30000", "carton 24 boîtes", 1, 95, true),
                p("SPAG-20", "Spaghetti Pasta Dolce", "Épicerie", "Paquets de 500 g.", "7200", "carton 20 × 500 g", 3, 210, true),
                p("THE-50", "Thé vert Ataya gunpowder", "Épicerie", "Paquets de 25 g pour l'ataya.", "9800", "carton 50 paquets", 1, 75, true),
                p("CAFE-TOUBA-10", "Café Touba moulu", "Épicerie", "Café au djar, sachets de 1 kg.", "32000", "carton 10 × 1 kg", 1, 30, true),
                p("MIL-50", "Mil décortiqué", "Céréales locales", "Mil de la région de Kaolack.", "27000", "sac 50 kg", 1, 0, false),
                p("NIEBE-50", "Niébé", "Céréales locales", "Haricot niébé de Louga.", "30000", "sac 50 kg", 1, 45, true),
                p("OIGNON-25", "Oignons", "Légumes", "Oignons jaunes, selon arrivages.", "9000", "sac 25 kg", 2, 0, false),
                p("PDT-25", "Pommes de terre", "Légumes", "Pommes de terre de consommation.", "11000", "sac 25 kg", 2, 80, true),
                p("SEL-25", "Sel iodé", "Épicerie", "Sel iodé du Sine-Saloum.", "3500", "sac 25 kg", 2, 300, true),
                p("SAVON-36", "Savon de Marseille Madar", "Entretien", "Barres de 400 g.", "11000", "carton 36 barres", 2, 140, true),
                p("JAVEL-12", "Eau de Javel Madar", "Entretien", "Bouteilles de 1 L.", "6500", "carton 12 × 1 L", 2, 100, true),
                p("LESSIVE-18", "Lessive en poudre", "Entretien", "Sachets de 500 g.", "14500", "carton 18 × 500 g", 1, 0, false),
                p("EAU-6", "Eau minérale Kirène", "Boissons", "Bouteilles de 1,5 L.", "2400", "pack 6 × 1,5 L", 10, 600, true));
        return new Supplier(SANDAGA, profile, products);
    }

    static Supplier agriLyon() {
        Profile profile = new Profile("Agri Lyon",
                "Grossiste en fournitures de jardin pour les jardineries et les paysagistes de la région lyonnaise : "
                        + "terreaux, semences, engrais, paillages, outils et arrosage, au sac ou à la palette.",
                "Lyon", List.of("Rhône", "Ain", "Isère"),
                List.of("Terreaux", "Engrais", "Semences", "Paillages", "Outils", "Arrosage", "Protection des cultures"),
                new BigDecimal("150.00"), "EUR", 3, "04 78 62 31 40", "commandes@agri-lyon.fr");
        List<Product> products = List.of(
                p("TER-UNIV-70", "Terreau universel 70 L", "Terreaux", "Terreau tous usages, enrichi en matière organique.", "7.90", "sac 70 L", 10, 900, true),
                p("TER-UNIV-40", "Terreau universel 40 L", "Terreaux", "Terreau tous usages.", "5.20", "sac 40 L", 10, 700, true),
                p("TER-UNIV-PAL", "Terreau universel 70 L, palette", "Terreaux", "45 sacs de 70 L filmés sur palette.", "315.00", "palette 45 sacs", 1, 20, true),
                p("TER-POT-40", "Terreau potager bio 40 L", "Terreaux", "Utilisable en agriculture biologique.", "6.40", "sac 40 L", 10, 600, true),
                p("TER-PLANT-70", "Terreau plantation 70 L", "Terreaux", "Pour arbres, arbustes et haies.", "8.60", "sac 70 L", 10, 450, true),
                p("TER-AGR-20", "Terreau agrumes et méditerranéennes 20 L", "Terreaux", "Drainant, pour pots et bacs.", "4.90", "sac 20 L", 12, 240, true),
                p("TERRE-VEG-40", "Terre végétale 40 L", "Terreaux", "Terre criblée pour massifs et potagers.", "3.80", "sac 40 L", 20, 800, true),
                p("ENG-UNIV-5", "Engrais universel granulé 5 kg", "Engrais", "Engrais NPK à libération progressive.", "9.80", "seau 5 kg", 6, 200, true),
                p("ENG-UNIV-1", "Engrais universel granulé 1 kg", "Engrais", "Engrais NPK à libération progressive.", "2.90", "boîte 1 kg", 12, 300, true),
                p("ENG-TOM-12", "Engrais tomates bio 1 kg", "Engrais", "Engrais organique riche en potasse.", "42.00", "carton 12 × 1 kg", 1, 60, true),
                p("ENG-GAZ-10", "Engrais gazon longue durée 10 kg", "Engrais", "Trois mois d'action.", "18.50", "sac 10 kg", 5, 150, true),
                p("CORNE-5", "Corne broyée 5 kg", "Engrais", "Azote organique à action lente.", "12.40", "seau 5 kg", 6, 90, true),
                p("FUMIER-10", "Fumier de cheval déshydraté 10 kg", "Engrais", "Amendement organique.", "8.90", "sac 10 kg", 10, 300, true),
                p("SANG-1", "Sang séché 1 kg", "Engrais", "Azote organique à action rapide.", "4.20", "boîte 1 kg", 12, 0, false),
                p("ROSIERS-5", "Engrais rosiers organique 5 kg", "Engrais", "Pour une floraison abondante.", "11.60", "seau 5 kg", 6, 80, true),
                p("GPO-TOM-25", "Graines de tomate « Cœur de bœuf »", "Semences", "Sachets de semences reproductibles.", "11.50", "présentoir 25 sachets", 1, 40, true),
                p("GPO-COU-25", "Graines de courgette « Ronde de Nice »", "Semences", "Sachets de semences reproductibles.", "11.50", "présentoir 25 sachets", 1, 35, true),
                p("GPO-RAD-25", "Graines de radis « 18 jours »", "Semences", "Sachets de semences.", "9.00", "présentoir 25 sachets", 1, 50, true),
                p("GFL-PRA-25", "Mélange prairie fleurie mellifère", "Semences", "Sachets pour 10 m².", "14.00", "présentoir 25 sachets", 1, 30, true),
                p("GAZ-RUS-10", "Gazon rustique 10 kg", "Semences", "Pelouse résistante au piétinement.", "42.00", "sac 10 kg", 2, 70, true),
                p("GAZ-OMB-5", "Gazon ombre 5 kg", "Semences", "Pour les zones peu ensoleillées.", "26.00", "sac 5 kg", 2, 0, false),
                p("PAI-PIN-50", "Écorces de pin 50 L", "Paillages", "Paillage décoratif calibré 15/25.", "6.20", "sac 50 L", 10, 500, true),
                p("PAI-LIN-100", "Paillis de lin 100 L", "Paillages", "Paillage léger et biodégradable.", "11.40", "sac 100 L", 5, 0, false),
                p("PAI-POUZ-BB", "Pouzzolane big bag 1 m³", "Paillages", "Roche volcanique pour paillage et drainage.", "89.00", "big bag 1 m³", 1, 12, true),
                p("OUT-BECHE", "Bêche forgée manche frêne", "Outils", "Lame acier forgé, manche en frêne.", "14.90", "pièce", 5, 60, true),
                p("OUT-SECAT", "Sécateur de jardin lame franche", "Outils", "Coupe jusqu'à 20 mm.", "11.20", "pièce", 6, 120, true),
                p("OUT-RATEAU", "Râteau 14 dents", "Outils", "Tête acier, manche bois.", "8.70", "pièce", 5, 75, true),
                p("OUT-BINETTE", "Binette serfouette", "Outils", "Lame et fourche, manche 1,20 m.", "7.40", "pièce", 5, 90, true),
                p("OUT-GANTS-12", "Gants de jardinage", "Outils", "Tailles 8 à 10, paumes enduites.", "19.80", "carton 12 paires", 1, 45, true),
                p("ARR-TUY-25", "Tuyau d'arrosage 25 m Ø 15 mm", "Arrosage", "Tuyau tricoté anti-torsion.", "16.90", "rouleau 25 m", 4, 110, true),
                p("ARR-ARRO-10", "Arrosoir 10 L", "Arrosage", "Arrosoir en plastique recyclé avec pomme.", "5.60", "pièce", 6, 140, true),
                p("ARR-GAG-20", "Kit goutte-à-goutte 20 plantes", "Arrosage", "Pour balcons et petits potagers.", "13.80", "kit", 4, 55, true),
                p("PROT-VOILE", "Voile d'hivernage 2 × 10 m", "Protection des cultures", "30 g/m², protège jusqu'à -4 °C.", "5.90", "rouleau", 10, 220, true),
                p("PROT-PURIN-12", "Purin d'ortie 1 L", "Protection des cultures", "Stimulateur de croissance naturel.", "46.00", "carton 12 × 1 L", 1, 25, true));
        return new Supplier(AGRI_LYON, profile, products);
    }

    private static Product p(String code, String name, String category, String description, String price, String unit,
                             int minQuantity, Integer stock, boolean available) {
        return new Product(code, name, category, description, new BigDecimal(price), unit, minQuantity, stock, available);
    }
}
