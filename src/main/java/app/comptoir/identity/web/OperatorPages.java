package app.comptoir.identity.web;

import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.identity.application.OperatorConsole;
import app.comptoir.identity.application.OperatorConsole.OperatorActionView;
import app.comptoir.identity.application.OperatorConsole.OperatorBusiness;
import app.comptoir.identity.application.OperatorConsole.OperatorBusinessDetail;
import app.comptoir.identity.application.Operators;
import app.comptoir.identity.domain.Plan;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;

/**
 * The operator console's pages ({@code /operator}): the businesses with their usage, a business's detail (asked
 * for with a reason), its suspension, resumption and plan, the operators themselves (named and revoked from here)
 * and the operators' journal. Anyone but an operator gets
 * the 403 page.
 */
@PageController
@RequestMapping("/operator")
class OperatorPages {

    private static final int PAGE_SIZE = 20;
    private static final String LIST = "identity/operator/list";
    private static final String DETAIL = "identity/operator/detail";

    private final OperatorConsole console;
    private final Operators operators;

    OperatorPages(OperatorConsole console, Operators operators) {
        this.console = console;
        this.operators = operators;
    }

    @GetMapping
    String businesses(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                      Model model, HttpServletRequest request, HttpServletResponse response) {
        operators.require();
        String query = q == null ? "" : q.strip();
        PageResponse<OperatorBusiness> results = console.businesses(query, Math.max(0, page), PAGE_SIZE);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/operator");
        if (!query.isEmpty()) {
            base.queryParam("q", query);
        }
        model.addAttribute("businesses", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("q", query);
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        return Htmx.isPartial(request) ? LIST + " :: results" : LIST;
    }

    /** Without a reason, the form that asks for one; with it, the business (the reading is journaled). */
    @GetMapping("/businesses/{id}")
    String business(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        operators.require();
        model.addAttribute("id", id);
        if (reason == null) {
            return DETAIL;
        }
        try {
            return show(console.detail(id, reason), model);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e));
            return DETAIL;
        }
    }

    @PostMapping("/businesses/{id}/suspend")
    String suspend(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        return act(id, model, () -> console.suspend(id, reason));
    }

    @PostMapping("/businesses/{id}/resume")
    String resume(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        return act(id, model, () -> console.resume(id, reason));
    }

    @PostMapping("/businesses/{id}/plan")
    String plan(@PathVariable UUID id, @RequestParam(required = false) String plan,
                @RequestParam(required = false) String reason, Model model) {
        return act(id, model, () -> console.changePlan(id, plan, reason));
    }

    @GetMapping("/actions")
    String actions(@RequestParam(defaultValue = "0") int page, Model model) {
        operators.require();
        PageResponse<OperatorActionView> results = console.actions(null, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("actions", results);
        model.addAttribute("pager", Pager.of(results, UriComponentsBuilder.fromPath("/operator/actions")));
        return "identity/operator/actions";
    }

    @GetMapping("/operators")
    String operatorList(Model model) {
        operators.require();
        return showOperators(model);
    }

    @PostMapping("/operators")
    String grant(@RequestParam(required = false) String email, @RequestParam(required = false) String reason,
                 Model model, HttpServletResponse response) {
        return operatorAct(model, response, () -> console.grant(email, reason), "granted");
    }

    @PostMapping("/operators/revoke")
    String revoke(@RequestParam(required = false) String email, @RequestParam(required = false) String reason,
                  Model model, HttpServletResponse response) {
        return operatorAct(model, response, () -> {
            console.revoke(email, reason);
            return null;
        }, "revoked");
    }

    /** Grants or revokes, then shows the operators again: field errors next to the form, refusals in a banner. */
    private String operatorAct(Model model, HttpServletResponse response, java.util.function.Supplier<Object> action,
                               String done) {
        operators.require();
        try {
            action.get();
            model.addAttribute("done", done);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors(e));
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflict", e.type());
        }
        return showOperators(model);
    }

    private String showOperators(Model model) {
        model.addAttribute("operators", console.operators());
        model.addAttribute("me", operators.require().email());
        return "identity/operator/operators";
    }

    /** Does the act and shows the business again; a refused form shows the errors next to its fields. */
    private String act(UUID id, Model model, java.util.function.Supplier<OperatorBusinessDetail> action) {
        operators.require();
        model.addAttribute("id", id);
        try {
            OperatorBusinessDetail detail = action.get();
            model.addAttribute("done", true);
            return show(detail, model);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e));
            return show(console.detail(id, "Affichage après un formulaire refusé"), model);
        }
    }

    private static java.util.Map<String, String> errors(InvalidInputException e) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
        return errors;
    }

    private String show(OperatorBusinessDetail detail, Model model) {
        model.addAttribute("detail", detail);
        model.addAttribute("plans", Arrays.asList(Plan.values()));
        return DETAIL;
    }
}
