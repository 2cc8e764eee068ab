package app.comptoir.catalog.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.demo.CatalogSeed.CategorySeed;
import app.comptoir.catalog.demo.CatalogSeed.ProductSeed;
import app.comptoir.catalog.demo.CatalogSeed.VariantSeed;
import app.comptoir.catalog.domain.Barcodes;
import app.comptoir.catalog.domain.OptionMatrix;
import app.comptoir.catalog.domain.ProductRules;

/**
 * The small, hand-written catalogs of the other demo businesses: one-off second-hand clothes (one
 * variant each), a delivery business's groceries, drinks and flowers, and a Dakar shop's staples in
 * bags and cartons, priced in FCFA with Senegal's 18 % VAT. The inspection centre sells services,
 * not products, so it has none.
 */
public final class SmallShopCatalogs {

    private static final BigDecimal VAT_20 = new BigDecimal("20.00");
    private static final BigDecimal VAT_5_5 = new BigDecimal("5.50");
    private static final BigDecimal VAT_10 = new BigDecimal("10.00");
    private static final BigDecimal VAT_18 = new BigDecimal("18.00");

    private SmallShopCatalogs() {
    }

    /** The catalog of a demo business other than the garden shop, if it sells products. */
    public static Optional<CatalogSeed> forSlug(String slug) {
        return switch (slug) {
            case "seconde-main" -> Optional.of(secondHand());
            case "express-livraison" -> Optional.of(delivery());
            case "boutique-awa" -> Optional.of(dakarShop());
            default -> Optional.empty();
        };
    }

    private static final class Builder {
        final List<CategorySeed> categories = new ArrayList<>();
        final List<ProductSeed> products = new ArrayList<>();
        int age = 3;
        int barcode = 0;
        final String barcodePrefix;

        Builder(String barcodePrefix) {
            this.barcodePrefix = barcodePrefix;
        }

        Builder category(String path) {
            int cut = path.lastIndexOf(" > ");
            categories.add(new CategorySeed(path, cut < 0 ? path : path.substring(cut + 3), cut < 0 ? null : path.substring(0, cut)));
            return this;
        }

        /** A product with a single variant. */
        void single(String category, String name, String brand, String description, List<String> tags, String sku,
                    String price, BigDecimal vat, String unit, String weight) {
            products.add(new ProductSeed(category, name, ProductRules.slugOf(name), description, brand, tags, ProductStatus.ACTIVE,
                    vat, unit, List.of(), List.of(new VariantSeed(sku, nextBarcode(), Map.of(), new BigDecimal(price),
                    null, cost(price), weight == null ? null : new BigDecimal(weight), true)), age));
            age += 5;
        }

        /** A product with one option; {@code values} alternate value and price. */
        void sized(String category, String name, String brand, String description, List<String> tags, String sku,
                   BigDecimal vat, String unit, String optionName, String... valuesAndPrices) {
            List<String> values = new ArrayList<>();
            List<VariantSeed> variants = new ArrayList<>();
            for (int i = 0; i < valuesAndPrices.length; i += 2) {
                String value = valuesAndPrices[i];
                values.add(value);
                Map<String, String> options = new LinkedHashMap<>();
                options.put(optionName, value);
                variants.add(new VariantSeed(sku + "-" + OptionMatrix.code(value, 14), nextBarcode(), options,
                        new BigDecimal(valuesAndPrices[i + 1]), null, cost(valuesAndPrices[i + 1]), null, true));
            }
            products.add(new ProductSeed(category, name, ProductRules.slugOf(name), description, brand, tags, ProductStatus.ACTIVE,
                    vat, unit, List.of(new ProductOption(optionName, values)), variants, age));
            age += 5;
        }

        private String nextBarcode() {
            return barcodePrefix == null ? null : Barcodes.withCheckDigit(barcodePrefix + String.format("%05d", ++barcode));
        }

        private static BigDecimal cost(String price) {
            return new BigDecimal(price).multiply(new BigDecimal("0.55")).setScale(2, java.math.RoundingMode.HALF_UP);
        }

        CatalogSeed build() {
            return new CatalogSeed(List.copyOf(categories), List.copyOf(products));
        }
    }

    /** One-off items, each a single variant: once sold, it is gone. */
    static CatalogSeed secondHand() {
        Builder b = new Builder(null).category("Femme").category("Femme > Robes").category("Femme > Hauts")
                .category("Femme > Vestes et manteaux").category("Homme").category("Homme > Chemises")
                .category("Homme > Pantalons").category("Homme > Vestes").category("Enfant").category("Accessoires")
                .category("Chaussures");
        String[][] items = {
                {"Femme > Robes", "Robe fleurie Sézane taille 38", "Sézane", "Robe midi en viscose imprimé fleuri, portée deux fois.", "45", "très bon état"},
                {"Femme > Robes", "Robe en lin Des Petits Hauts T2", "Des Petits Hauts", "Lin lavé vert d'eau, boutons nacrés.", "38", "bon état"},
                {"Femme > Robes", "Robe pull Maje taille 1", "Maje", "Maille côtelée écrue, manches longues.", "52", "très bon état"},
                {"Femme > Hauts", "Blouse brodée Ba&sh taille 0", "Ba&sh", "Blouse blanche brodée, col V.", "35", "neuf avec étiquette"},
                {"Femme > Hauts", "Marinière Saint James taille 40", "Saint James", "La vraie marinière en coton épais.", "29", "bon état"},
                {"Femme > Hauts", "Pull cachemire Uniqlo M", "Uniqlo", "Cachemire gris chiné, col rond.", "32", "très bon état"},
                {"Femme > Vestes et manteaux", "Trench Comptoir des Cotonniers T38", "Comptoir des Cotonniers", "Trench beige classique, ceinture.", "79", "très bon état"},
                {"Femme > Vestes et manteaux", "Veste en jean Levi's taille S", "Levi's", "Veste trucker délavée.", "39", "bon état"},
                {"Femme > Vestes et manteaux", "Doudoune légère Patagonia S", "Patagonia", "Doudoune noire compressible.", "85", "très bon état"},
                {"Homme > Chemises", "Chemise Oxford Ralph Lauren L", "Ralph Lauren", "Oxford bleu ciel, coupe custom fit.", "35", "très bon état"},
                {"Homme > Chemises", "Chemise en flanelle Carhartt M", "Carhartt", "Carreaux rouges et noirs.", "28", "bon état"},
                {"Homme > Pantalons", "Jean 501 Levi's W32 L32", "Levi's", "Brut, coupe droite.", "35", "très bon état"},
                {"Homme > Pantalons", "Chino Dockers W34", "Dockers", "Chino beige, coupe slim.", "22", "bon état"},
                {"Homme > Vestes", "Veste de travail Le Laboureur L", "Le Laboureur", "Bleu de travail en coton, made in France.", "55", "neuf avec étiquette"},
                {"Homme > Vestes", "Blouson Harrington Baracuta M", "Baracuta", "Blouson G9 marine, doublure tartan.", "95", "bon état"},
                {"Enfant", "Lot de 5 bodies Petit Bateau 6 mois", "Petit Bateau", "Bodies coton blanc et rayé.", "18", "bon état"},
                {"Enfant", "Manteau Jacadi 4 ans", "Jacadi", "Manteau en laine bleu marine.", "35", "très bon état"},
                {"Enfant", "Salopette en velours Bonpoint 3 ans", "Bonpoint", "Velours côtelé moutarde.", "29", "bon état"},
                {"Accessoires", "Sac Longchamp Le Pliage M", "Longchamp", "Sac pliable bleu marine, anses cuir.", "49", "très bon état"},
                {"Accessoires", "Foulard en soie Hermès", "Hermès", "Carré 90 cm, motif équestre.", "180", "très bon état"},
                {"Accessoires", "Ceinture en cuir Atelier Tuffery", "Atelier Tuffery", "Cuir tanné végétal, boucle laiton.", "25", "bon état"},
                {"Chaussures", "Baskets Veja V-10 pointure 39", "Veja", "Blanches, semelle propre.", "55", "très bon état"},
                {"Chaussures", "Bottines Dr. Martens 1460 pointure 41", "Dr. Martens", "Cuir noir lisse, 8 œillets.", "69", "bon état"},
                {"Chaussures", "Espadrilles Bensimon 38", "Bensimon", "Toile beige.", "12", "neuf avec étiquette"}};
        int n = 1;
        for (String[] item : items) {
            b.single(item[0], item[1], item[2], item[3] + " État : " + item[5] + ".", List.of("seconde main", item[5]),
                    String.format("SM-%04d", n++), item[4], VAT_20, "piece", null);
        }
        return b.build();
    }

    /** A delivery business: groceries, drinks, flowers and gift baskets. */
    static CatalogSeed delivery() {
        Builder b = new Builder("3763121").category("Épicerie fine").category("Boissons").category("Fleurs")
                .category("Paniers garnis");
        b.single("Épicerie fine", "Miel de lavande de Provence 250 g", "Rucher des Alpilles", "Miel crémeux IGP.",
                List.of("local", "bio"), "EL-MIEL-250", "8.90", VAT_5_5, "piece", "0.300");
        b.single("Épicerie fine", "Confiture d'abricots du Roussillon", "Maison Sassy", "Cuite au chaudron, 65 % de fruits.",
                List.of("local"), "EL-CONF-ABR", "5.50", VAT_5_5, "piece", "0.350");
        b.single("Épicerie fine", "Saucisson de Lyon pistaché", "Maison Sibilia", "Saucisson cuit, à trancher.",
                List.of("lyon", "charcuterie"), "EL-SAUC-PIS", "14.90", VAT_5_5, "piece", "0.400");
        b.single("Épicerie fine", "Coussins de Lyon boîte 200 g", "Voisin", "La spécialité lyonnaise au chocolat et curaçao.",
                List.of("lyon", "chocolat"), "EL-COUSSIN", "12.50", VAT_5_5, "piece", "0.250");
        b.single("Épicerie fine", "Huile d'olive vierge extra 50 cl", "Moulin Castelas", "Fruité vert, vallée des Baux.",
                List.of("bio"), "EL-HUILE-50", "16.90", VAT_5_5, "piece", "0.700");
        b.sized("Boissons", "Côtes-du-Rhône rouge", "Domaine de la Janasse", "Grenache et syrah, gourmand.",
                List.of("vin", "local"), "EL-CDR", VAT_20, "piece", "Format", "75 cl", "11.50", "Magnum 150 cl", "26.00");
        b.sized("Boissons", "Jus de pomme artisanal", "Alain Milliat", "Pur jus, non filtré.", List.of("sans alcool"),
                "EL-JUS-POM", VAT_5_5, "piece", "Format", "33 cl", "3.20", "1 L", "6.90", "Carton de 6 x 1 L", "38.00");
        b.sized("Boissons", "Bière blonde de Lyon", "Brasserie Ninkasi", "Blonde fruitée brassée à Lyon.",
                List.of("bière", "lyon"), "EL-BIERE", VAT_20, "piece", "Format", "33 cl", "2.90", "Pack de 6", "15.90", "Fût 5 L", "29.00");
        b.single("Boissons", "Eau pétillante Châteldon 75 cl", "Châteldon", "Eau minérale naturellement gazeuse.",
                List.of("sans alcool"), "EL-EAU-CHAT", "3.50", VAT_5_5, "piece", "1.200");
        b.sized("Fleurs", "Bouquet de saison", "Atelier floral", "Composé chaque matin avec des fleurs de saison.",
                List.of("fleurs", "cadeau"), "EL-BOUQ", VAT_10, "piece", "Taille", "S", "25.00", "M", "39.00", "L", "55.00");
        b.sized("Fleurs", "Bouquet de roses", "Atelier floral", "Roses rouges de Provence.", List.of("fleurs", "saint-valentin"),
                "EL-ROSES", VAT_10, "piece", "Nombre", "12 roses", "35.00", "24 roses", "62.00");
        b.single("Fleurs", "Orchidée en pot", "Atelier floral", "Phalaenopsis deux branches, cache-pot inclus.",
                List.of("plante", "cadeau"), "EL-ORCH", "29.00", VAT_10, "piece", "1.500");
        b.sized("Paniers garnis", "Panier gourmand lyonnais", "Express Livraison", "Saucisson, coussins de Lyon, "
                + "côtes-du-rhône et confiture, dans un panier en osier.", List.of("cadeau", "lyon"), "EL-PANIER",
                VAT_20, "piece", "Taille", "Découverte", "45.00", "Prestige", "89.00");
        b.single("Paniers garnis", "Coffret apéritif", "Express Livraison", "Bière, saucisson et tapenade pour 4.",
                List.of("cadeau", "apéritif"), "EL-APERO", "39.00", VAT_20, "piece", "2.500");
        return b.build();
    }

    /** A neighbourhood shop in Dakar: staples by the bag, the carton or the bottle, in FCFA. */
    static CatalogSeed dakarShop() {
        Builder b = new Builder("6181234").category("Céréales et féculents").category("Huiles et condiments")
                .category("Sucre, café et thé").category("Produits laitiers").category("Hygiène et entretien");
        b.sized("Céréales et féculents", "Riz brisé parfumé", "Royal Umbrella", "Riz brisé parfumé importé, "
                + "le riz du thiéboudienne.", List.of("riz", "essentiel"), "BA-RIZ-BRISE", VAT_18, "bag",
                "Conditionnement", "Sac de 5 kg", "2750", "Sac de 25 kg", "12500", "Sac de 50 kg", "24000");
        b.sized("Céréales et féculents", "Riz local de la vallée", "Terral", "Riz blanc de la vallée du fleuve Sénégal.",
                List.of("riz", "local"), "BA-RIZ-LOCAL", VAT_18, "bag", "Conditionnement", "Sac de 5 kg", "2500",
                "Sac de 25 kg", "11500");
        b.sized("Céréales et féculents", "Farine de blé", "Grands Moulins de Dakar", "Farine type 55 pour pain et beignets.",
                List.of("farine"), "BA-FARINE", VAT_18, "bag", "Conditionnement", "Sachet de 1 kg", "650", "Sac de 25 kg", "14500");
        b.sized("Céréales et féculents", "Mil", "Terral", "Mil décortiqué pour le lakh et le thiéré.", List.of("local"),
                "BA-MIL", VAT_18, "bag", "Conditionnement", "Sac de 1 kg", "700", "Sac de 10 kg", "6500");
        b.sized("Céréales et féculents", "Pâtes spaghetti", "Pasta Dolce", "Spaghetti de blé dur.", List.of("pâtes"),
                "BA-SPAG", VAT_18, "box", "Conditionnement", "Paquet de 500 g", "450", "Carton de 20 paquets", "8500");
        b.sized("Huiles et condiments", "Huile d'arachide", "Niinal", "Huile d'arachide raffinée du Sénégal.",
                List.of("huile", "essentiel"), "BA-HUILE-ARA", VAT_18, "litre", "Conditionnement", "Bouteille de 1 L",
                "1500", "Bidon de 5 L", "7000", "Bidon de 20 L", "26500");
        b.sized("Huiles et condiments", "Huile végétale", "Jadida", "Huile de soja raffinée.", List.of("huile"),
                "BA-HUILE-VEG", VAT_18, "litre", "Conditionnement", "Bouteille de 1 L", "1250", "Carton de 12 x 1 L", "14500");
        b.sized("Huiles et condiments", "Concentré de tomate", "Dieg Bou Diar", "Double concentré de tomate.",
                List.of("tomate"), "BA-TOMATE", VAT_18, "box", "Conditionnement", "Boîte de 400 g", "600",
                "Carton de 24 boîtes", "13500");
        b.sized("Huiles et condiments", "Bouillon en cube", "Jumbo", "Cubes d'assaisonnement.", List.of("assaisonnement"),
                "BA-BOUILLON", VAT_18, "box", "Conditionnement", "Boîte de 60 cubes", "1500", "Carton de 24 boîtes", "34000");
        b.sized("Sucre, café et thé", "Sucre en poudre", "CSS", "Sucre blanc de la Compagnie sucrière sénégalaise.",
                List.of("sucre", "essentiel"), "BA-SUCRE", VAT_18, "bag", "Conditionnement", "Sachet de 1 kg", "750",
                "Sac de 50 kg", "33000");
        b.sized("Sucre, café et thé", "Sucre en morceaux", "CSS", "Sucre en morceaux pour l'ataya.", List.of("sucre"),
                "BA-SUCRE-MOR", VAT_18, "box", "Conditionnement", "Boîte de 1 kg", "900", "Carton de 20 boîtes", "17000");
        b.sized("Sucre, café et thé", "Café Touba", "Touba Khassida", "Café au poivre de Guinée (djar), moulu.",
                List.of("café", "local"), "BA-CAFE-TOUBA", VAT_18, "bag", "Conditionnement", "Sachet de 250 g", "1000",
                "Sachet de 1 kg", "3500");
        b.sized("Sucre, café et thé", "Thé vert de Chine", "Thé Ataya", "Gunpowder pour le thé à la menthe.",
                List.of("thé", "ataya"), "BA-THE", VAT_18, "box", "Conditionnement", "Paquet de 25 g", "250",
                "Carton de 50 paquets", "11500");
        b.sized("Produits laitiers", "Lait en poudre", "Vitalait", "Lait entier en poudre.", List.of("lait"),
                "BA-LAIT", VAT_18, "bag", "Conditionnement", "Sachet de 400 g", "2300", "Sac de 25 kg", "120000");
        b.single("Produits laitiers", "Lait caillé sucré 500 ml", "Kirène", "Lait caillé local, à servir frais.",
                List.of("lait", "local"), "BA-LAIT-CAILLE", "900", VAT_18, "piece", "0.520");
        b.sized("Hygiène et entretien", "Savon de Marseille", "Madar", "Savon de ménage en barre.", List.of("entretien"),
                "BA-SAVON", VAT_18, "box", "Conditionnement", "Barre de 400 g", "400", "Carton de 36 barres", "13000");
        b.single("Hygiène et entretien", "Eau de Javel 1 L", "Madar", "Eau de javel concentrée.", List.of("entretien"),
                "BA-JAVEL", "650", VAT_18, "litre", "1.100");
        return b.build();
    }
}
