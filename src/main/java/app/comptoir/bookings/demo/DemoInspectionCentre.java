package app.comptoir.bookings.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.comptoir.bookings.domain.ResourceKind;
import app.comptoir.bookings.domain.WeeklyHours;

/**
 * What the demo inspection centre ({@code ct-du-centre}, Pierre-Bénite near Lyon) offers and who does it.
 *
 * <p>An appointment takes one resource. The vehicle inspections take a lane (its pit, brake tester and
 * analysers): Ligne 1 for cars and cars of collection, Ligne 2, the wider one, for cars and light vans. The short
 * checks that need no lane, re-inspections and the vans' yearly pollution check, are done by an inspector at the
 * re-inspection bay. Both lanes and Sébastien keep the centre's hours (Monday to Friday 8:00–12:00 and 13:30–18:00,
 * Saturday 8:00–12:00); Nadia works the weekday mornings and the afternoons from Monday to Thursday.
 */
final class DemoInspectionCentre {

    static final String SLUG = "ct-du-centre";

    /** A bookable service: its key in the demo, name, description, duration, price, buffers and vehicle categories. */
    record ServiceSeed(String key, String name, String description, int minutes, BigDecimal price, int before,
                       int after, List<String> categories) {
    }

    /** A resource: its key, name, kind, weekly hours, and the services it performs with how often each is booked. */
    record ResourceSeed(String key, String name, ResourceKind kind, List<WeeklyHours.Entry> hours,
                        Map<String, Integer> serviceWeights, double pastFill) {
    }

    static final String CAR = "vp";
    static final String REINSPECTION = "cv";
    static final String VAN = "n1";
    static final String POLLUTION = "pol";
    static final String COLLECTION = "col";

    static final List<ServiceSeed> SERVICES = List.of(
            new ServiceSeed(CAR, "Contrôle technique véhicule particulier",
                    "Voiture, SUV ou camping-car jusqu'à 3,5 t : les points de contrôle réglementaires, procès-verbal "
                            + "remis sur place.", 45, new BigDecimal("78.00"), 0, 5, List.of("M1")),
            new ServiceSeed(REINSPECTION, "Contre-visite",
                    "Dans les deux mois qui suivent un contrôle avec défaillances majeures : seuls les points "
                            + "signalés sont revus.", 20, new BigDecimal("15.00"), 0, 5, List.of("M1", "N1")),
            new ServiceSeed(VAN, "Contrôle technique utilitaire léger (N1)",
                    "Fourgon, camionnette ou pick-up jusqu'à 3,5 t.", 60, new BigDecimal("95.00"), 5, 10,
                    List.of("N1")),
            new ServiceSeed(POLLUTION, "Contrôle pollution (utilitaires)",
                    "Le contrôle complémentaire antipollution des utilitaires légers, chaque année entre deux "
                            + "contrôles techniques.", 30, new BigDecimal("42.00"), 0, 5, List.of("N1")),
            new ServiceSeed(COLLECTION, "Contrôle technique véhicule de collection",
                    "Véhicule de plus de 30 ans à carte grise collection : un contrôle tous les cinq ans.", 60,
                    new BigDecimal("85.00"), 0, 10, List.of("M1")));

    static final List<ResourceSeed> RESOURCES = List.of(
            new ResourceSeed("ligne-1", "Ligne 1", ResourceKind.LANE, centreHours(5, true),
                    Map.of(CAR, 92, COLLECTION, 8), 0.82),
            new ResourceSeed("ligne-2", "Ligne 2", ResourceKind.LANE, centreHours(5, true),
                    Map.of(CAR, 72, VAN, 28), 0.80),
            new ResourceSeed("sebastien-roux", "Sébastien Roux", ResourceKind.INSPECTOR, centreHours(5, true),
                    Map.of(REINSPECTION, 70, POLLUTION, 30), 0.16),
            new ResourceSeed("nadia-benkhaled", "Nadia Benkhaled", ResourceKind.INSPECTOR, centreHours(4, false),
                    Map.of(REINSPECTION, 65, POLLUTION, 35), 0.13));

    /** Mornings 8:00–12:00 Monday to Friday, afternoons 13:30–18:00 up to the weekday given, Saturday morning. */
    private static List<WeeklyHours.Entry> centreHours(int lastAfternoon, boolean saturday) {
        List<WeeklyHours.Entry> hours = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            hours.add(new WeeklyHours.Entry(day, "08:00", "12:00"));
            if (day <= lastAfternoon) {
                hours.add(new WeeklyHours.Entry(day, "13:30", "18:00"));
            }
        }
        if (saturday) {
            hours.add(new WeeklyHours.Entry(6, "08:00", "12:00"));
        }
        return hours;
    }

    static final int SLOT_STEP_MINUTES = 15;
    static final int CUTOFF_HOURS = 24;
    static final int HORIZON_DAYS = 60;
    static final int MIN_NOTICE_MINUTES = 120;
    static final int HOLD_MINUTES = 15;
    static final String CONTACT_PHONE = "04 78 51 23 40";
    static final String PUBLIC_NOTE = "3 boulevard de l'Europe, 69310 Pierre-Bénite (parking devant le centre). "
            + "Présentez-vous 5 minutes avant l'heure avec la carte grise du véhicule et le dernier procès-verbal "
            + "pour une contre-visite.";

    /** What a motorist brings to an inspection, told by the booking page and its assistant. */
    static final String WHAT_TO_BRING = "La carte grise (certificat d'immatriculation) du véhicule, une pièce "
            + "d'identité, et pour une contre-visite le précédent procès-verbal de contrôle. Le véhicule doit être "
            + "propre et les clés des bouchons antivol de roues avec vous.";

    static final String[] FIRST_NAMES = {"Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Emma", "Julie",
            "Laura", "Pauline", "Marion", "Océane", "Nathalie", "Sandrine", "Isabelle", "Valérie", "Sophie", "Claire",
            "Aurélie", "Céline", "Amandine", "Fatima", "Yasmine", "Mélanie", "Hélène", "Christine", "Agnès", "Martine",
            "Lucas", "Hugo", "Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Alexandre", "Romain", "Kevin",
            "Mehdi", "Karim", "Sébastien", "Stéphane", "Laurent", "Philippe", "Pascal", "Thierry", "Frédéric",
            "Olivier", "Christophe", "David", "Jérôme", "Mathieu", "Guillaume", "Yannick", "Bruno", "Didier",
            "Gérard", "Michel", "Bernard", "Rachid", "Samir", "Youssef", "Théo", "Enzo", "Nathan", "Louis"};

    static final String[] LAST_NAMES = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
            "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand",
            "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
            "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier",
            "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry",
            "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire",
            "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas",
            "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy",
            "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud",
            "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet",
            "Rolland", "Ferreira", "Da Silva", "Benali", "Haddad", "Nguyen", "Diallo", "Bouvier", "Chauvin"};

    /** Tradesmen and small firms of the Lyon area, whose vans come for their inspection and pollution check. */
    static final String[] COMPANIES = {"Plomberie Girard", "Boulangerie Fontaine", "Électricité Rhône Services",
            "Transports Dumas", "Espaces verts du Lyonnais", "Traiteur Les Saveurs d'Oullins", "Menuiserie Perrin",
            "SARL Ferreira Bâtiment", "Fleurs de Saint-Genis", "Chauffage Brun et Fils", "Livraisons Express Sud",
            "Peinture Vidal", "Serrurerie Colin", "Déménagements Roussel", "Primeurs des Halles", "Ambulances Rey",
            "Taxi Benali", "Garage Solidaire d'Irigny", "Carrelage Da Silva", "Pizzeria Bella Napoli"};

    /** What a re-inspection comes back for. */
    static final String[] DEFECTS = {"feux de croisement", "pneumatiques avant", "disques de frein arrière",
            "essuie-glaces", "plaque d'immatriculation", "ligne d'échappement", "rotule de direction",
            "pare-brise fissuré", "ceintures de sécurité", "feux stop", "amortisseurs arrière", "fuite d'huile moteur"};

    static final String[] NOTES = {"Véhicule au GPL", "Arrivera peut-être avec quelques minutes de retard",
            "Véhicule électrique", "Première visite au centre", "Client fidèle", "Voiture de location longue durée",
            "Demande le procès-verbal par e-mail", "Camping-car"};

    static final String[] STAFF_CANCEL_REASONS = {"Le client a appelé : véhicule immobilisé au garage",
            "Le client a appelé : empêchement, rappellera", "Doublon de réservation",
            "Ligne 2 en maintenance : client prévenu par téléphone"};

    private DemoInspectionCentre() {
    }
}
