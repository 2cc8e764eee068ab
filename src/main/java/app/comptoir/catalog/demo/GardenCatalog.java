package app.comptoir.catalog.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.demo.CatalogSeed.CategorySeed;
import app.comptoir.catalog.demo.CatalogSeed.ProductSeed;
import app.comptoir.catalog.demo.CatalogSeed.VariantSeed;
import app.comptoir.catalog.domain.Barcodes;
import app.comptoir.catalog.domain.OptionMatrix;
import app.comptoir.catalog.domain.ProductRules;

/**
 * A realistic garden-centre catalog, generated deterministically (the same size gives the same
 * catalog): about fifty categories in twelve departments, French product names from each family's
 * nouns and styles, real garden brands, option matrices (sizes, colours, lengths, volumes) giving
 * about ten variants per product, prices with their usual endings, some promotions, EAN-13 barcodes
 * for most variants, a few drafts and archived products. Used by the demo garden shop and by the
 * benchmark.
 */
public final class GardenCatalog {

    /** The seed of the generator: change it and every shop gets another catalog. */
    private static final long SEED = 20_260_101L;
    private static final BigDecimal VAT_STANDARD = new BigDecimal("20.00");
    private static final BigDecimal VAT_REDUCED = new BigDecimal("10.00");
    private static final List<String> SEASONS = List.of("printemps", "été", "automne", "hiver");
    private static final List<String> GENERIC_TAGS = List.of("best-seller", "made in france", "éco-responsable",
            "nouveauté", "exclusivité", "petit prix");

    private GardenCatalog() {
    }

    /** One value of an option and what it does to the base price and weight. */
    private record Value(String name, double factor) {
    }

    private record Option(String name, List<Value> values) {
    }

    /** A kind of product in a category: how to name, describe, price and vary it. */
    private record Family(String department, String category, String code, List<String> nouns, List<String> styles,
                          List<String> brands, double minPrice, double maxPrice, double weightKg, String unit,
                          boolean reducedVat, List<Option> options, List<String> tags, String description,
                          int weight) {
    }

    private static Option option(String name, Object... valuesAndFactors) {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < valuesAndFactors.length; i += 2) {
            values.add(new Value((String) valuesAndFactors[i], ((Number) valuesAndFactors[i + 1]).doubleValue()));
        }
        return new Option(name, values);
    }

    private static Option flat(String name, String... values) {
        List<Value> list = new ArrayList<>();
        for (String v : values) {
            list.add(new Value(v, 1.0));
        }
        return new Option(name, list);
    }

    private static final Option COLOURS_POT = flat("Couleur", "Blanc", "Anthracite", "Taupe", "Vert sauge", "Terracotta");
    private static final Option COLOURS_TOOL = flat("Couleur", "Vert", "Rouge", "Gris");
    private static final Option SIZES_CLOTHES = option("Taille", "S", 1, "M", 1, "L", 1, "XL", 1.05, "XXL", 1.1);
    private static final Option SIZES_GLOVES = option("Taille", "6 - XS", 1, "7 - S", 1, "8 - M", 1, "9 - L", 1, "10 - XL", 1);
    private static final Option SHOE_SIZES = flat("Pointure", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46");

    private static final List<Family> FAMILIES = List.of(
            new Family("Arrosage", "Tuyaux d'arrosage", "TUY",
                    List.of("Tuyau d'arrosage", "Tuyau anti-vrille", "Tuyau extensible", "Tuyau renforcé", "Tuyau plat", "Tuyau microporeux"),
                    List.of("Classic", "Flex", "Premium", "Pro", "Confort", "Élite", "Ultra", "Tricoté"),
                    List.of("Gardena", "Hozelock", "Claber", "Geolia"), 14, 45, 1.2, "piece", false,
                    List.of(option("Longueur", "15 m", 1, "25 m", 1.5, "50 m", 2.6), option("Diamètre", "15 mm", 1, "19 mm", 1.25),
                            flat("Couleur", "Vert", "Gris")),
                    List.of("arrosage", "été"), "{noun} {style} de {brand} : souple, résistant aux UV et garanti sans plomb. "
                            + "Idéal pour arroser massifs, potager et pelouse.", 6),
            new Family("Arrosage", "Arrosoirs", "ARR",
                    List.of("Arrosoir", "Arrosoir à long bec", "Arrosoir d'intérieur", "Arrosoir galvanisé", "Arrosoir enfant"),
                    List.of("Tradition", "Jardin", "Balcon", "Campagne", "Provence", "Moderne"),
                    List.of("Guillouard", "Elho", "Geli", "Esschert Design"), 6, 55, 0.8, "piece", false,
                    List.of(option("Contenance", "5 L", 1, "10 L", 1.4, "12 L", 1.6), flat("Couleur", "Vert", "Gris anthracite", "Galvanisé")),
                    List.of("arrosage"), "{noun} {style} : pomme amovible en laiton pour une pluie fine, anse ergonomique. "
                            + "Un classique de {brand}.", 4),
            new Family("Arrosage", "Pistolets et lances", "PIS",
                    List.of("Pistolet d'arrosage", "Lance d'arrosage", "Pistolet multijet", "Lance télescopique"),
                    List.of("Comfort", "Premium", "Classic", "Ergo", "Soft"),
                    List.of("Gardena", "Hozelock", "Claber"), 6, 40, 0.3, "piece", false,
                    List.of(flat("Modèle", "Standard", "Avec raccords")),
                    List.of("arrosage"), "{noun} {style} {brand}, réglable de la pluie fine au jet puissant.", 1),
            new Family("Arrosage", "Programmateurs et goutte-à-goutte", "PRG",
                    List.of("Programmateur d'arrosage", "Kit goutte-à-goutte", "Micro-asperseur", "Tuyau poreux", "Goutteur réglable"),
                    List.of("Select", "Smart", "Easy", "Master", "Flex"),
                    List.of("Gardena", "Claber", "Hozelock", "Rain Bird"), 9, 120, 0.5, "piece", false,
                    List.of(), List.of("arrosage", "économie d'eau"),
                    "{noun} {style} de {brand} pour arroser sans gaspiller pendant vos absences.", 1),
            new Family("Arrosage", "Récupérateurs d'eau", "REC",
                    List.of("Récupérateur d'eau", "Cuve à eau", "Récupérateur mural", "Réservoir amphore"),
                    List.of("Aquabox", "Colonne", "Amphore", "Rondo", "Slim"),
                    List.of("Garantia", "Belli", "Eda"), 49, 299, 15, "piece", false,
                    List.of(option("Contenance", "300 L", 1, "500 L", 1.4, "1000 L", 2.2), flat("Couleur", "Vert", "Gris", "Sable")),
                    List.of("arrosage", "économie d'eau"), "{noun} {style} : récupérez l'eau de pluie de votre toiture. "
                            + "Robinet et kit de raccordement inclus.", 2),
            new Family("Outillage à main", "Bêches et pelles", "BEC",
                    List.of("Bêche", "Pelle ronde", "Pelle carrée", "Fourche-bêche", "Pelle à neige", "Pioche"),
                    List.of("Forgée", "Inox", "Pro", "Légère", "Jardin", "Classic"),
                    List.of("Fiskars", "Outils Perrin", "Wolf-Garten", "Leborgne"), 15, 75, 2, "piece", false,
                    List.of(flat("Manche", "Bois de frêne", "Fibre de verre"), option("Longueur de manche", "1,10 m", 1, "1,30 m", 1.1)),
                    List.of("outillage"), "{noun} {style} {brand} : fer trempé, manche solide, pour bêcher les sols lourds.", 3),
            new Family("Outillage à main", "Râteaux et griffes", "RAT",
                    List.of("Râteau", "Râteau à gazon", "Balai à gazon", "Griffe à fleurs", "Croc à fumier", "Serfouette"),
                    List.of("Forgé", "Pro", "Extensible", "Classic", "Jardin"),
                    List.of("Fiskars", "Outils Perrin", "Wolf-Garten", "Leborgne"), 8, 45, 1, "piece", false,
                    List.of(option("Largeur", "12 dents", 1, "16 dents", 1.2), flat("Manche", "Bois", "Aluminium")),
                    List.of("outillage"), "{noun} {style} de {brand}, dents acier, pour ameublir et niveler.", 3),
            new Family("Outillage à main", "Sécateurs et cisailles", "SEC",
                    List.of("Sécateur", "Sécateur à enclume", "Sécateur de précision", "Cisaille à haie", "Coupe-branches", "Ébrancheur"),
                    List.of("Classic", "Pro", "Ergonomique", "Compact", "Bypass", "Premium"),
                    List.of("Felco", "Fiskars", "Wolf-Garten", "Okatsune"), 12, 89, 0.3, "piece", false,
                    List.of(option("Taille", "S", 1, "M", 1.05, "L", 1.1)),
                    List.of("taille", "outillage"), "{noun} {style} {brand} : lames en acier trempé, coupe nette "
                            + "jusqu'à 25 mm, ressort robuste.", 3),
            new Family("Outillage à main", "Scies et élagage", "SCI",
                    List.of("Scie d'élagage", "Scie pliante", "Échenilloir", "Perche d'élagage", "Scie à bûches"),
                    List.of("Pro", "Compact", "Télescopique", "Forest"),
                    List.of("Fiskars", "Silky", "Bahco"), 14, 110, 0.8, "piece", false,
                    List.of(option("Lame", "33 cm", 1, "40 cm", 1.15)),
                    List.of("taille", "élagage"), "{noun} {style} {brand}, denture japonaise pour une coupe rapide.", 1),
            new Family("Outillage à main", "Brouettes", "BRO",
                    List.of("Brouette", "Brouette pneu increvable", "Chariot de jardin", "Diable de jardin"),
                    List.of("Jardin", "Chantier", "Pro", "Compact"),
                    List.of("Haemmerlin", "Altrad Fort", "Fiskars"), 55, 189, 14, "piece", false,
                    List.of(option("Contenance", "80 L", 1, "100 L", 1.15, "120 L", 1.3), flat("Couleur", "Vert", "Rouge", "Gris")),
                    List.of("outillage", "made in france"), "{noun} {style} de {brand}, cuve acier galvanisé, roue gonflable.", 3),
            new Family("Motoculture", "Tondeuses", "TON",
                    List.of("Tondeuse thermique", "Tondeuse électrique", "Tondeuse à batterie", "Tondeuse hélicoïdale", "Robot tondeuse"),
                    List.of("Compact", "Confort", "Pro", "Silence", "Power"),
                    List.of("Stihl", "Husqvarna", "Einhell", "Bosch", "Ryobi"), 99, 1299, 25, "piece", false,
                    List.of(option("Largeur de coupe", "34 cm", 1, "42 cm", 1.25, "46 cm", 1.45)),
                    List.of("motoculture", "pelouse"), "{noun} {style} {brand} : bac de ramassage, hauteur de coupe réglable, "
                            + "guidon repliable.", 2),
            new Family("Motoculture", "Taille-haies", "THA",
                    List.of("Taille-haie électrique", "Taille-haie à batterie", "Taille-haie thermique", "Taille-haie sur perche"),
                    List.of("Compact", "Pro", "Power", "Easy"),
                    List.of("Stihl", "Bosch", "Einhell", "Ryobi"), 69, 399, 4, "piece", false,
                    List.of(option("Lame", "45 cm", 1, "55 cm", 1.15, "65 cm", 1.3)),
                    List.of("motoculture", "taille"), "{noun} {style} de {brand}, lames double action affûtées au diamant.", 2),
            new Family("Motoculture", "Débroussailleuses", "DEB",
                    List.of("Débroussailleuse thermique", "Coupe-bordure électrique", "Débroussailleuse à batterie"),
                    List.of("Pro", "Confort", "Power"),
                    List.of("Stihl", "Husqvarna", "Ryobi"), 59, 549, 6, "piece", false,
                    List.of(), List.of("motoculture"), "{noun} {style} {brand}, harnais confort et tête à fil automatique.", 1),
            new Family("Pots et jardinières", "Pots en terre cuite", "PTC",
                    List.of("Pot rond", "Pot carré", "Pot évasé", "Vasque", "Pot à rebord", "Pot haut", "Pot à agrumes"),
                    List.of("Toscane", "Provence", "Anduze", "Siena", "Lisse", "Strié", "Vieilli", "Guirlande"),
                    List.of("Deroma", "Terres d'Anduze", "Poterie Ravel", "Galestro"), 6, 89, 3, "piece", false,
                    List.of(option("Diamètre", "20 cm", 0.5, "30 cm", 1, "40 cm", 1.8, "50 cm", 2.9, "60 cm", 4.2),
                            flat("Finition", "Naturel", "Blanc vieilli", "Anthracite")),
                    List.of("terre cuite", "extérieur"), "{noun} {style} en terre cuite {brand}, résistant au gel, "
                            + "trou de drainage.", 12),
            new Family("Pots et jardinières", "Pots en résine", "PRE",
                    List.of("Pot rond", "Pot cube", "Pot colonne", "Bac rectangulaire", "Pot à réserve d'eau"),
                    List.of("Loft", "Nova", "Capri", "Milano", "Oslo", "Béton", "Naturel"),
                    List.of("Elho", "Poétic", "Riviera", "Lechuza"), 9, 129, 1.5, "piece", false,
                    List.of(option("Diamètre", "30 cm", 1, "40 cm", 1.6, "50 cm", 2.4, "60 cm", 3.3), COLOURS_POT),
                    List.of("extérieur", "balcon"), "{noun} {style} de {brand} : léger, incassable et traité anti-UV.", 16),
            new Family("Pots et jardinières", "Jardinières", "JAR",
                    List.of("Jardinière", "Jardinière sur pieds", "Jardinière à suspendre", "Carré potager", "Balconnière"),
                    List.of("Green", "Urbaine", "Balcon", "Cottage", "Natura"),
                    List.of("Elho", "Riviera", "Nortene", "Poétic"), 8, 119, 2, "piece", false,
                    List.of(option("Longueur", "40 cm", 0.7, "60 cm", 1, "80 cm", 1.3, "100 cm", 1.6), flat("Couleur", "Blanc", "Anthracite", "Vert")),
                    List.of("balcon", "potager"), "{noun} {style} {brand}, avec réserve d'eau et système de drainage.", 8),
            new Family("Pots et jardinières", "Soucoupes", "SOU",
                    List.of("Soucoupe ronde", "Soucoupe carrée", "Plateau à roulettes"),
                    List.of("Classic", "Terre", "Lisse"),
                    List.of("Deroma", "Elho"), 2, 25, 0.4, "piece", false,
                    List.of(option("Diamètre", "20 cm", 1, "25 cm", 1.2, "30 cm", 1.4, "35 cm", 1.7, "40 cm", 2, "50 cm", 2.6),
                            flat("Couleur", "Terre cuite", "Anthracite")),
                    List.of("extérieur"), "{noun} {style} {brand} : protège vos sols et garde l'humidité.", 5),
            new Family("Plantes", "Vivaces", "VIV",
                    List.of("Lavande", "Sauge", "Géranium vivace", "Échinacée", "Hosta", "Heuchère", "Gaura", "Népéta", "Achillée", "Rudbeckia"),
                    List.of("'Hidcote'", "'Munstead'", "'Rozanne'", "'Magnus'", "'Caramel'", "'Whirling Butterflies'", "'Six Hills Giant'", "'Goldsturm'"),
                    List.of("Pépinières du Lyonnais", "Jardin des Lilas"), 4, 19, 0.6, "piece", true,
                    List.of(option("Conditionnement", "Godet 9 cm", 1, "Pot 1 L", 1.8, "Pot 3 L", 3.2)),
                    List.of("plantes", "vivace", "bio"), "{noun} {style} : vivace rustique et mellifère, floraison généreuse "
                            + "de juin à septembre. Cultivée près de Lyon.", 4),
            new Family("Plantes", "Arbustes", "ARB",
                    List.of("Hortensia", "Photinia", "Lilas", "Forsythia", "Abélia", "Céanothe", "Laurier-tin", "Buddleia", "Weigela"),
                    List.of("'Red Robin'", "'Annabelle'", "'Sensation'", "'Lynwood'", "'Kaleidoscope'", "'Gloire de Versailles'", "'Black Knight'"),
                    List.of("Pépinières du Lyonnais", "Jardin des Lilas"), 12, 69, 4, "piece", true,
                    List.of(option("Conditionnement", "Pot 3 L", 1, "Pot 10 L", 2.4, "Pot 20 L", 4.2)),
                    List.of("plantes", "arbuste"), "{noun} {style}, arbuste rustique au feuillage décoratif, "
                            + "facile à vivre en haie ou en isolé.", 3),
            new Family("Plantes", "Rosiers", "ROS",
                    List.of("Rosier buisson", "Rosier grimpant", "Rosier liane", "Rosier paysager", "Rosier ancien"),
                    List.of("'Pierre de Ronsard'", "'Ghislaine de Féligonde'", "'Red Eden'", "'Bonica'", "'Sourire d'Orchidée'", "'Mme Alfred Carrière'"),
                    List.of("Meilland", "Delbard", "André Eve"), 14, 49, 3, "piece", true,
                    List.of(option("Conditionnement", "Racines nues", 0.7, "Pot 4 L", 1, "Pot 7 L", 1.5)),
                    List.of("plantes", "rosier", "parfumé"), "{noun} {style} de {brand} : fleurs parfumées, "
                            + "bonne résistance aux maladies.", 3),
            new Family("Plantes", "Arbres fruitiers", "FRU",
                    List.of("Pommier", "Poirier", "Cerisier", "Abricotier", "Prunier", "Pêcher", "Figuier", "Cognassier"),
                    List.of("'Reine des Reinettes'", "'Williams'", "'Burlat'", "'Bergeron'", "'Reine-Claude'", "'Pêche de vigne'", "'Brown Turkey'"),
                    List.of("Pépinières du Lyonnais", "Jardin des Lilas"), 19, 89, 8, "piece", true,
                    List.of(option("Forme", "Scion", 1, "Demi-tige", 1.8, "Tige", 2.4)),
                    List.of("plantes", "fruitier", "verger"), "{noun} {style} : variété rustique et productive, "
                            + "autofertile, récolte en été.", 3),
            new Family("Plantes", "Aromatiques", "ARO",
                    List.of("Thym", "Romarin", "Basilic", "Menthe", "Ciboulette", "Persil", "Estragon", "Origan", "Verveine citronnelle"),
                    List.of("bio", "citron", "grand vert", "marocaine", "commun", "rampant"),
                    List.of("Jardin des Lilas", "Ferme de Sainte Marthe"), 2.5, 9, 0.3, "piece", true,
                    List.of(option("Conditionnement", "Godet 9 cm", 1, "Pot 1 L", 2.2)),
                    List.of("plantes", "aromatique", "potager", "bio"), "{noun} {style} en godet, "
                            + "à planter au potager ou en pot sur le balcon.", 2),
            new Family("Plantes", "Bulbes", "BUL",
                    List.of("Tulipe", "Narcisse", "Crocus", "Dahlia", "Glaïeul", "Allium", "Jacinthe", "Lys"),
                    List.of("'Queen of Night'", "'Tête-à-Tête'", "'Purple Sensation'", "'Café au lait'", "'Pink Impression'", "mélange"),
                    List.of("Jardin des Lilas", "Bakker"), 3, 19, 0.2, "pack", true,
                    List.of(option("Sachet", "10 bulbes", 1, "25 bulbes", 2.1, "50 bulbes", 3.8)),
                    List.of("plantes", "bulbe", "automne"), "{noun} {style} : bulbes calibrés, floraison spectaculaire "
                            + "au printemps.", 3),
            new Family("Semences", "Graines potagères", "GPO",
                    List.of("Tomate", "Courgette", "Haricot", "Carotte", "Radis", "Salade", "Poivron", "Potiron", "Concombre", "Petit pois"),
                    List.of("'Cœur de bœuf'", "'Noire de Crimée'", "'Ronde de Nice'", "'Nantaise'", "'18 jours'", "'Feuille de chêne'", "'Rouge vif d'Étampes'"),
                    List.of("Vilmorin", "Graines Baumaux", "Ferme de Sainte Marthe"), 1.5, 6, 0.05, "pack", true,
                    List.of(option("Conditionnement", "Sachet", 1, "Lot de 3 sachets", 2.6)),
                    List.of("semences", "potager", "bio"), "Graines de {noun_lc} {style}, variété de tradition reproductible, "
                            + "semis de mars à mai.", 2),
            new Family("Semences", "Graines de fleurs", "GFL",
                    List.of("Cosmos", "Capucine", "Zinnia", "Tournesol", "Pavot", "Bleuet", "Mélange prairie fleurie", "Souci"),
                    List.of("mellifère", "géant", "nain", "double", "sauvage", "mélange"),
                    List.of("Vilmorin", "Graines Baumaux"), 1.5, 9, 0.05, "pack", true,
                    List.of(), List.of("semences", "fleurs", "mellifère"), "Graines de {noun_lc} {style} pour un jardin "
                            + "coloré qui attire les pollinisateurs.", 1),
            new Family("Semences", "Gazon", "GAZ",
                    List.of("Gazon rustique", "Gazon sport", "Gazon ombre", "Gazon regarnissage", "Gazon sec"),
                    List.of("Premium", "Express", "Eco", "Universel"),
                    List.of("Vilmorin", "Algoflash", "Fertiligène"), 9, 79, 1, "bag", true,
                    List.of(option("Poids", "1 kg", 1, "5 kg", 4, "10 kg", 7.2)),
                    List.of("semences", "pelouse", "printemps"), "{noun} {style} de {brand} : levée rapide, "
                            + "pelouse dense et résistante au piétinement.", 2),
            new Family("Terreaux et engrais", "Terreaux", "TER",
                    List.of("Terreau universel", "Terreau potager", "Terreau plantation", "Terreau agrumes", "Terreau géraniums", "Terre végétale"),
                    List.of("bio", "Premium", "Or Brun", "Expert", "Naturel"),
                    List.of("Or Brun", "Algoflash", "Fertiligène", "Florentaise"), 5, 22, 10, "bag", true,
                    List.of(option("Volume", "20 L", 1, "40 L", 1.7, "70 L", 2.6)),
                    List.of("terreau", "potager", "bio"), "{noun} {style} {brand}, utilisable en agriculture biologique, "
                            + "enrichi en matière organique.", 3),
            new Family("Terreaux et engrais", "Engrais", "ENG",
                    List.of("Engrais universel", "Engrais tomates", "Engrais gazon", "Corne broyée", "Sang séché", "Fumier de cheval", "Engrais rosiers"),
                    List.of("bio", "Longue durée", "Express", "Organique"),
                    List.of("Or Brun", "Algoflash", "Fertiligène", "Solabiol"), 4, 39, 1.5, "bag", true,
                    List.of(option("Poids", "1 kg", 1, "5 kg", 3.6, "10 kg", 6)),
                    List.of("engrais", "bio"), "{noun} {style} de {brand} pour une croissance vigoureuse.", 3),
            new Family("Terreaux et engrais", "Paillages", "PAI",
                    List.of("Paillage écorces de pin", "Paillis de lin", "Paillette de chanvre", "Pouzzolane", "Ardoise concassée"),
                    List.of("naturel", "décoratif", "bio"),
                    List.of("Or Brun", "Jardin des Lilas"), 6, 89, 12, "bag", true,
                    List.of(option("Volume", "50 L", 1, "Big bag 1 m³", 9.5)),
                    List.of("paillage", "économie d'eau"), "{noun} {style} : limite les mauvaises herbes et garde la fraîcheur.", 1),
            new Family("Mobilier de jardin", "Tables", "TAB",
                    List.of("Table de jardin", "Table extensible", "Table bistrot", "Table basse", "Table pliante"),
                    List.of("Bistro", "Luxembourg", "Origami", "Teck", "Alu", "Riviera"),
                    List.of("Fermob", "Hespéride", "Lafuma", "Jardin des Lilas"), 69, 899, 18, "piece", false,
                    List.of(option("Dimensions", "4 places", 1, "6 places", 1.35, "8 places", 1.7), flat("Coloris", "Anthracite", "Teck", "Blanc", "Vert olive")),
                    List.of("mobilier", "été", "extérieur"), "{noun} {style} de {brand}, structure aluminium traitée "
                            + "anti-corrosion, plateau résistant aux intempéries.", 5),
            new Family("Mobilier de jardin", "Chaises et fauteuils", "CHA",
                    List.of("Chaise de jardin", "Fauteuil", "Chaise pliante", "Fauteuil bas", "Banc"),
                    List.of("Bistro", "Luxembourg", "Surprising", "Pop", "Riviera", "Cadiz"),
                    List.of("Fermob", "Lafuma", "Hespéride"), 29, 349, 5, "piece", false,
                    List.of(flat("Coloris", "Anthracite", "Blanc", "Terracotta", "Vert olive", "Bleu acapulco"),
                            option("Lot", "À l'unité", 1, "Lot de 2", 1.9, "Lot de 4", 3.6)),
                    List.of("mobilier", "été"), "{noun} {style} {brand} : léger, empilable, assise confortable.", 9),
            new Family("Mobilier de jardin", "Parasols", "PAR",
                    List.of("Parasol droit", "Parasol déporté", "Voile d'ombrage", "Pied de parasol"),
                    List.of("Sunset", "Riviera", "Bahia", "Solenzara"),
                    List.of("Hespéride", "Jardin des Lilas", "Nortene"), 39, 599, 8, "piece", false,
                    List.of(option("Diamètre", "2,5 m", 1, "3 m", 1.3, "3,5 m", 1.7), flat("Toile", "Écru", "Taupe", "Gris", "Terracotta")),
                    List.of("mobilier", "été", "ombrage"), "{noun} {style} {brand}, toile polyester 180 g traitée anti-UV.", 5),
            new Family("Mobilier de jardin", "Bains de soleil", "BSO",
                    List.of("Bain de soleil", "Transat", "Chaise longue", "Hamac"),
                    List.of("Relax", "Malibu", "Maxi", "Siesta"),
                    List.of("Lafuma", "Fermob", "Hespéride"), 39, 399, 7, "piece", false,
                    List.of(flat("Coloris", "Anthracite", "Blanc", "Terracotta", "Bleu")),
                    List.of("mobilier", "été", "détente"), "{noun} {style} de {brand}, dossier réglable en 5 positions.", 2),
            new Family("Éclairage et décoration", "Éclairage solaire", "ECL",
                    List.of("Borne solaire", "Guirlande solaire", "Spot solaire", "Lanterne solaire", "Balise solaire"),
                    List.of("Lumi", "Nova", "Capri", "Stella", "Luna"),
                    List.of("Galix", "Luxform", "Lumisky"), 5, 89, 0.5, "piece", false,
                    List.of(option("Lot", "À l'unité", 1, "Lot de 4", 3.5, "Lot de 8", 6.5), flat("Teinte", "Blanc chaud", "Blanc froid")),
                    List.of("éclairage", "solaire"), "{noun} {style} {brand} : s'allume seule à la tombée de la nuit, "
                            + "8 h d'autonomie.", 5),
            new Family("Éclairage et décoration", "Décoration", "DEC",
                    List.of("Nichoir", "Mangeoire", "Hôtel à insectes", "Fontaine", "Statue", "Carillon", "Girouette"),
                    List.of("Mésange", "Rustique", "Zen", "Provence", "Bois brut"),
                    List.of("Esschert Design", "Jardin des Lilas"), 9, 149, 2, "piece", false,
                    List.of(), List.of("décoration", "biodiversité"), "{noun} {style} : une touche de charme au jardin, "
                            + "fabriqué en bois certifié.", 1),
            new Family("Vêtements et protection", "Gants", "GAN",
                    List.of("Gants de jardinage", "Gants de taille", "Gants anti-épines", "Gants nitrile", "Gants cuir"),
                    List.of("Confort", "Pro", "Roses", "Flex", "Hiver"),
                    List.of("Rostaing", "Gardena", "Wolf-Garten"), 5, 35, 0.1, "piece", false,
                    List.of(SIZES_GLOVES, flat("Couleur", "Vert", "Rose", "Noir")),
                    List.of("protection", "vêtements"), "{noun} {style} {brand} : paume renforcée, dos aéré, "
                            + "lavables en machine.", 11),
            new Family("Vêtements et protection", "Bottes", "BOT",
                    List.of("Bottes de jardin", "Bottes caoutchouc", "Sabots de jardin", "Bottines néoprène"),
                    List.of("Parcours", "Benyl", "Cessac", "Classic"),
                    List.of("Aigle", "Le Chameau", "Rouchette"), 19, 149, 1.5, "piece", false,
                    List.of(SHOE_SIZES, flat("Couleur", "Vert", "Noir")),
                    List.of("vêtements", "made in france"), "{noun} {style} de {brand}, caoutchouc naturel, semelle crantée.", 10),
            new Family("Vêtements et protection", "Vêtements de travail", "VET",
                    List.of("Tablier de jardinier", "Pantalon de travail", "Veste de travail", "Salopette", "Genouillère"),
                    List.of("Pro", "Confort", "Robuste", "Été"),
                    List.of("Rostaing", "Jardin des Lilas", "Lafont"), 9, 89, 0.6, "piece", false,
                    List.of(SIZES_CLOTHES, flat("Couleur", "Gris", "Bleu marine", "Kaki")),
                    List.of("vêtements"), "{noun} {style} {brand}, coton épais renforcé aux genoux.", 11),
            new Family("Protection des cultures", "Voiles et filets", "VOI",
                    List.of("Voile d'hivernage", "Filet anti-oiseaux", "Filet anti-insectes", "Housse d'hivernage", "Toile de paillage"),
                    List.of("30 g", "50 g", "Pro", "Réutilisable"),
                    List.of("Nortene", "Jardin des Lilas"), 4, 39, 0.5, "piece", false,
                    List.of(option("Dimensions", "2 x 5 m", 1, "4 x 10 m", 2.8, "10 x 10 m", 6)),
                    List.of("protection", "hiver", "potager"), "{noun} {style} de {brand} : protège vos cultures "
                            + "du froid et des ravageurs.", 2),
            new Family("Protection des cultures", "Traitements", "TRT",
                    List.of("Purin d'ortie", "Savon noir", "Bouillie bordelaise", "Anti-limaces", "Piège à phéromones", "Huile de neem"),
                    List.of("bio", "prêt à l'emploi", "concentré"),
                    List.of("Solabiol", "Algoflash", "Fertiligène"), 5, 29, 1, "piece", false,
                    List.of(option("Contenance", "250 ml", 1, "500 ml", 1.6, "1 L", 2.5)),
                    List.of("traitement", "bio"), "{noun} {style} {brand}, utilisable en agriculture biologique.", 2),
            new Family("Serres et abris", "Serres", "SER",
                    List.of("Serre polycarbonate", "Serre tunnel", "Mini-serre", "Châssis de culture", "Serre adossée"),
                    List.of("Harmony", "Easy", "Premium", "Compact"),
                    List.of("Juliana", "Palram", "Jardin des Lilas"), 29, 1499, 40, "piece", false,
                    List.of(option("Surface", "4 m²", 1, "6 m²", 1.4, "9 m²", 1.9)),
                    List.of("serre", "potager", "printemps"), "{noun} {style} de {brand} : montage facile, "
                            + "aération de toit, garantie 10 ans.", 2),
            new Family("Serres et abris", "Abris de jardin", "ABR",
                    List.of("Abri de jardin bois", "Abri métal", "Coffre de rangement", "Bûcher", "Appentis"),
                    List.of("Nordic", "Cabane", "Compact", "Résine"),
                    List.of("Forest Style", "Keter", "Jardin des Lilas"), 79, 2490, 120, "piece", false,
                    List.of(option("Surface", "2 m²", 1, "5 m²", 1.8, "9 m²", 2.7)),
                    List.of("abri", "rangement"), "{noun} {style} {brand}, bois traité autoclave, toiture bitumée.", 1),
            new Family("Serres et abris", "Composteurs", "COM",
                    List.of("Composteur bois", "Composteur plastique", "Lombricomposteur", "Bio-seau"),
                    List.of("Eco", "Compact", "Urbain", "XL"),
                    List.of("Jardin des Lilas", "Eda", "Graf"), 15, 149, 10, "piece", false,
                    List.of(option("Volume", "300 L", 1, "400 L", 1.2, "600 L", 1.5)),
                    List.of("compost", "éco-responsable"), "{noun} {style} : transformez vos déchets verts en or brun.", 1));

    /** The catalog with about {@code productCount} products (and about ten times as many variants). */
    public static CatalogSeed generate(int productCount) {
        Random random = new Random(SEED);
        List<CategorySeed> categories = new ArrayList<>();
        Set<String> departments = new LinkedHashSet<>();
        for (Family family : FAMILIES) {
            if (departments.add(family.department())) {
                categories.add(new CategorySeed(family.department(), family.department(), null));
            }
            categories.add(new CategorySeed(path(family), family.category(), family.department()));
        }
        int totalWeight = FAMILIES.stream().mapToInt(Family::weight).sum();
        List<ProductSeed> products = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        int barcodeSequence = 0;
        int remaining = productCount;
        for (int f = 0; f < FAMILIES.size(); f++) {
            Family family = FAMILIES.get(f);
            int count = f == FAMILIES.size() - 1 ? remaining
                    : Math.min(remaining, (int) Math.round((double) productCount * family.weight() / totalWeight));
            remaining -= count;
            List<String> names = names(family, count, random);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String brand = family.brands().get(random.nextInt(family.brands().size()));
                String slug = ProductRules.slugOf(name);
                for (int n = 2; !slugs.add(slug); n++) {
                    slug = ProductRules.slugOf(name) + "-" + n;
                }
                String sku = family.code() + "-" + String.format("%04d", products.size() + 1);
                List<Option> options = options(family, random);
                double base = price(family.minPrice() + random.nextDouble() * (family.maxPrice() - family.minPrice()));
                boolean promotion = random.nextInt(100) < 12;
                List<ProductOption> definitions = options.stream()
                        .map(o -> new ProductOption(o.name(), o.values().stream().map(Value::name).toList())).toList();
                List<VariantSeed> variants = new ArrayList<>();
                for (List<Value> combination : combinations(options)) {
                    double factor = 1;
                    Map<String, String> values = new LinkedHashMap<>();
                    StringBuilder variantSku = new StringBuilder(sku);
                    for (int o = 0; o < combination.size(); o++) {
                        factor *= combination.get(o).factor();
                        values.put(options.get(o).name(), combination.get(o).name());
                        variantSku.append('-').append(OptionMatrix.code(combination.get(o).name(), 6));
                    }
                    BigDecimal price = money(price(base * factor));
                    BigDecimal compareAt = promotion ? money(price(base * factor * 1.25)) : null;
                    if (compareAt != null && compareAt.compareTo(price) <= 0) {
                        compareAt = null;
                    }
                    BigDecimal cost = money(base * factor * (0.42 + random.nextDouble() * 0.18));
                    BigDecimal weight = BigDecimal.valueOf(family.weightKg() * Math.max(0.2, factor))
                            .setScale(3, RoundingMode.HALF_UP);
                    String barcode = random.nextInt(100) < 75
                            ? Barcodes.withCheckDigit("376" + String.format("%04d", 4242) + String.format("%05d", ++barcodeSequence))
                            : null;
                    variants.add(new VariantSeed(variantSku.toString(), barcode, values, price, compareAt, cost, weight,
                            random.nextInt(100) >= 3));
                }
                int roll = random.nextInt(100);
                ProductStatus status = roll < 92 ? ProductStatus.ACTIVE : roll < 97 ? ProductStatus.DRAFT : ProductStatus.ARCHIVED;
                List<String> tags = new ArrayList<>(family.tags());
                if (promotion) {
                    tags.add("promo");
                }
                if (random.nextInt(100) < 20) {
                    String extra = GENERIC_TAGS.get(random.nextInt(GENERIC_TAGS.size()));
                    if (!tags.contains(extra)) {
                        tags.add(extra);
                    }
                }
                if (random.nextInt(100) < 15) {
                    String season = SEASONS.get(random.nextInt(SEASONS.size()));
                    if (!tags.contains(season)) {
                        tags.add(season);
                    }
                }
                String noun = name.substring(0, name.length() - family.styles().stream()
                        .filter(name::endsWith).findFirst().map(s -> s.length() + 1).orElse(0));
                String style = name.substring(noun.length()).strip();
                String lowerNoun = noun.isEmpty() ? noun : Character.toLowerCase(noun.charAt(0)) + noun.substring(1);
                String description = family.description().replace("{noun_lc}", lowerNoun)
                        .replace("{noun}", noun).replace("{style}", style)
                        .replace("{brand}", brand).replace("  ", " ");
                products.add(new ProductSeed(path(family), name, slug, description, brand, List.copyOf(tags), status,
                        family.reducedVat() ? VAT_REDUCED : VAT_STANDARD, family.unit(), definitions,
                        List.copyOf(variants), random.nextInt(730)));
            }
        }
        return new CatalogSeed(List.copyOf(categories), List.copyOf(products));
    }

    private static String path(Family family) {
        return family.department() + " > " + family.category();
    }

    /** Distinct names "noun style" for the family, shuffled; numbered when the family runs out. */
    private static List<String> names(Family family, int count, Random random) {
        List<String> all = new ArrayList<>();
        for (String noun : family.nouns()) {
            for (String style : family.styles()) {
                all.add(noun + " " + style);
            }
        }
        Collections.shuffle(all, random);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = all.get(i % all.size());
            names.add(i < all.size() ? name : name + " " + (i / all.size() + 1));
        }
        return names;
    }

    /** The family's options, sometimes without one of their values, for variety. */
    private static List<Option> options(Family family, Random random) {
        List<Option> options = new ArrayList<>();
        for (Option option : family.options()) {
            List<Value> values = new ArrayList<>(option.values());
            if (values.size() > 2 && random.nextInt(100) < 20) {
                values.remove(random.nextInt(values.size()));
            }
            options.add(new Option(option.name(), values));
        }
        return options;
    }

    private static List<List<Value>> combinations(List<Option> options) {
        List<List<Value>> result = new ArrayList<>();
        result.add(List.of());
        for (Option option : options) {
            List<List<Value>> next = new ArrayList<>();
            for (List<Value> partial : result) {
                for (Value value : option.values()) {
                    List<Value> combination = new ArrayList<>(partial);
                    combination.add(value);
                    next.add(combination);
                }
            }
            result = next;
        }
        return result;
    }

    /** A shop price: x.90 or x.99 under 100, a round figure (x9 or x9.90) above. */
    private static double price(double raw) {
        if (raw < 10) {
            return Math.floor(raw) + 0.99;
        }
        if (raw < 100) {
            return Math.floor(raw) + 0.90;
        }
        return Math.floor(raw / 10) * 10 + 9;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
