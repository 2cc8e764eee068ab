/**
 * Inspections: the vehicle technical-inspection centre's day after the booking. Vehicles (plate, VIN, category,
 * first registration, owner) and their history, the registration document read by OCR and confirmed by the
 * inspector, check-in by the booking's QR code, the checklist of the vehicle's category with defects graded minor,
 * major or critical, the outcome computed from the grades, the counter-visit scoped to the failed points, and the
 * documents: a PDF report and a certificate numbered without gaps per centre and year, verifiable by anyone on a
 * public page that shows no personal data.
 *
 * <p>The root package is the published API only. Internals follow the module template: {@code web} (staff pages
 * and API, the public verification page), {@code application} (use cases, the OCR reader, the PDF documents),
 * {@code domain} (vehicles' identifiers, the checklist, the outcome rules; framework-free), {@code persistence}
 * (every SQL text) and {@code demo}. It reads appointments through the bookings module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspections",
        allowedDependencies = {"platform", "identity", "bookings"})
package app.comptoir.inspections;
