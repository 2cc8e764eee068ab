package app.comptoir.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.identity.application.OperatorConsole;
import app.comptoir.identity.application.OperatorConsole.OperatorActionView;
import app.comptoir.identity.application.OperatorConsole.OperatorBusiness;
import app.comptoir.identity.application.OperatorConsole.OperatorBusinessDetail;
import app.comptoir.identity.application.OperatorConsole.OperatorView;
import app.comptoir.identity.application.Operators;
import app.comptoir.identity.domain.Plan;
import app.comptoir.platform.PageResponse;

/**
 * The operator console's API: the deployment's businesses with their usage, one business's detail (read for a
 * stated reason), suspension, resumption and plan. Only the operators of the deployment (COMPTOIR_OPERATOR_EMAILS)
 * get past the first check; everyone else receives a 403, whatever their role in their business.
 */
@RestController
@RequestMapping("/api/v1/operator")
@Tag(name = "Operator console")
class OperatorController {

    private final OperatorConsole console;
    private final Operators operators;

    OperatorController(OperatorConsole console, Operators operators) {
        this.console = console;
        this.operators = operators;
    }

    /** A reason for an act of the operator (required, journaled). */
    record ReasonRequest(String reason) {
    }

    /** A new plan for a business, and why. */
    record PlanRequest(String plan, String reason) {
    }

    /** A user's sign-in e-mail to make operator or no longer, and why. */
    record OperatorRequest(String email, String reason) {
    }

    /** A plan and its limits (null: no limit). */
    record PlanView(Plan plan, Integer maxUsers, Integer maxProducts, Integer maxOrdersPerMonth) {
    }

    @GetMapping("/businesses")
    @Operation(summary = "The deployment's businesses whose name or address contains q, by name, with their usage (operators only)")
    PageResponse<OperatorBusiness> businesses(@RequestParam(required = false) String q,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        return console.businesses(q, page, size);
    }

    @GetMapping("/businesses/{id}")
    @Operation(summary = "One business with its usage, plan limits and the operators' acts on it; the reason is required and journaled (operators only)")
    OperatorBusinessDetail business(@PathVariable UUID id, @RequestParam(required = false) String reason) {
        return console.detail(id, reason);
    }

    @PostMapping("/businesses/{id}/suspend")
    @Operation(summary = "Suspends a business: its staff are refused (423 business-suspended), its shop and booking pages say it is closed (operators only)")
    OperatorBusinessDetail suspend(@PathVariable UUID id, @RequestBody(required = false) ReasonRequest request) {
        return console.suspend(id, request == null ? null : request.reason());
    }

    @PostMapping("/businesses/{id}/resume")
    @Operation(summary = "Reopens a suspended business (operators only)")
    OperatorBusinessDetail resume(@PathVariable UUID id, @RequestBody(required = false) ReasonRequest request) {
        return console.resume(id, request == null ? null : request.reason());
    }

    @PutMapping("/businesses/{id}/plan")
    @Operation(summary = "Moves a business to another plan: ESSENTIEL, PRO or ILLIMITE (operators only)")
    OperatorBusinessDetail changePlan(@PathVariable UUID id, @RequestBody(required = false) PlanRequest request) {
        return console.changePlan(id, request == null ? null : request.plan(), request == null ? null : request.reason());
    }

    @GetMapping("/plans")
    @Operation(summary = "The plans and their quotas: users, products, orders a month (operators only)")
    List<PlanView> plans() {
        operators.require();
        return Arrays.stream(Plan.values()).map(p -> new PlanView(p, p.maxUsers(), p.maxProducts(), p.maxOrdersPerMonth())).toList();
    }

    @GetMapping("/operators")
    @Operation(summary = "The deployment's operators: those of COMPTOIR_OPERATOR_EMAILS (configured) and those named from the console (operators only)")
    List<OperatorView> operators() {
        return console.operators();
    }

    @PostMapping("/operators")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Makes the existing user with this sign-in e-mail an operator, for a reason (journaled); 409 already-operator (operators only)")
    OperatorView grant(@RequestBody(required = false) OperatorRequest request) {
        return console.grant(request == null ? null : request.email(), request == null ? null : request.reason());
    }

    @PostMapping("/operators/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraws the operator role given from the console, for a reason (journaled); 409 configured-operator, self-change-refused or not-operator (operators only)")
    void revoke(@RequestBody(required = false) OperatorRequest request) {
        console.revoke(request == null ? null : request.email(), request == null ? null : request.reason());
    }

    @GetMapping("/actions")
    @Operation(summary = "The operators' journal, newest first; of one business with businessId (operators only)")
    PageResponse<OperatorActionView> actions(@RequestParam(required = false) UUID businessId,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        return console.actions(businessId, page, size);
    }
}
