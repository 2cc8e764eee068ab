package app.comptoir.identity.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import app.comptoir.identity.BusinessKind;
import app.comptoir.identity.application.Logins;
import app.comptoir.identity.demo.DemoTenants;
import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Currencies;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TooManyRequestsException;

/** The public pages: the front door, the login form (processed by Spring Security) and sign-up. */
@PageController
class SignInPages {

    private final Logins auth;
    private final DemoTenants demo;
    private final TenantContext tenantContext;
    private final WebSignIn webSignIn;
    private final LocaleResolver localeResolver;
    private final boolean passkeysEnabled;

    SignInPages(Logins auth, DemoTenants demo, TenantContext tenantContext, WebSignIn webSignIn,
                LocaleResolver localeResolver,
                @org.springframework.beans.factory.annotation.Value("${comptoir.webauthn.enabled:true}")
                boolean passkeysEnabled) {
        this.passkeysEnabled = passkeysEnabled;
        this.auth = auth;
        this.demo = demo;
        this.tenantContext = tenantContext;
        this.webSignIn = webSignIn;
        this.localeResolver = localeResolver;
    }

    /** What the sign-up form holds; the password is never sent back to the browser. */
    record SignupForm(String businessName, String name, String email, String password, String currency,
                      String locale, Boolean supplier) {
    }

    /** The public home page says what Comptoir is; a signed-in user goes straight to their back office. */
    @GetMapping("/")
    String home() {
        return signedIn() ? "redirect:/app" : "home";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
                 @RequestParam(required = false) String logout, @RequestParam(required = false) String expired,
                 @RequestParam(required = false) String disabled, @RequestParam(required = false) String reset,
                 @RequestParam(required = false) String suspended, Model model) {
        if (signedIn()) {
            return "redirect:/app";
        }
        model.addAttribute("loginError", error != null);
        model.addAttribute("throttledSeconds", seconds(throttled));
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("sessionExpired", expired != null);
        model.addAttribute("accountDisabled", disabled != null);
        model.addAttribute("passwordReset", reset != null);
        model.addAttribute("businessSuspended", suspended != null);
        model.addAttribute("passkeysEnabled", passkeysEnabled);
        addDemo(model);
        return "auth/login";
    }

    @GetMapping("/signup")
    String signupForm(@RequestParam(required = false) String kind, Model model, Locale locale) {
        if (signedIn()) {
            return "redirect:/app";
        }
        String language = "en".equals(locale.getLanguage()) ? "en" : "fr";
        model.addAttribute("form", new SignupForm("", "", "", "", Currencies.SUPPORTED.getFirst(), language,
                "supplier".equals(kind)));
        return signupPage(model);
    }

    @PostMapping("/signup")
    String signup(@ModelAttribute("form") SignupForm form, BindingResult result, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        if (result.hasErrors()) {
            return signupPage(model);
        }
        try {
            ComptoirPrincipal principal = auth.signupForSession(new Logins.Signup(form.businessName(),
                    form.email(), form.password(), form.name(), form.locale(), form.currency(), null,
                    Boolean.TRUE.equals(form.supplier()) ? BusinessKind.SUPPLIER : BusinessKind.MERCHANT), ClientAddress.of(request));
            webSignIn.signIn(principal, request, response);
            // The language chosen for the business is the new owner's interface language too.
            String language = form.locale() == null || form.locale().isBlank() ? "fr" : form.locale().strip();
            localeResolver.setLocale(request, response, Locale.forLanguageTag(language));
            return "redirect:/app";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            // Sign-up has one conflict: the e-mail address already has an account.
            result.rejectValue("email", "conflict." + e.type(), e.getMessage());
        } catch (TooManyRequestsException e) {
            model.addAttribute("throttledSeconds", e.retryAfterSeconds());
        }
        return signupPage(model);
    }

    private String signupPage(Model model) {
        model.addAttribute("currencies", Currencies.SUPPORTED);
        return "auth/signup";
    }

    private void addDemo(Model model) {
        model.addAttribute("demoEnabled", demo.enabled());
        if (demo.enabled()) {
            model.addAttribute("demoBusinesses", DemoTenants.BUSINESSES);
            model.addAttribute("demoRoles", List.of(Role.values()));
            model.addAttribute("demoPassword", demo.password());
        }
    }

    private boolean signedIn() {
        return tenantContext.principal().isPresent();
    }

    private static Long seconds(String throttled) {
        if (throttled == null) {
            return null;
        }
        try {
            return Math.max(1, Long.parseLong(throttled.trim()));
        } catch (NumberFormatException e) {
            return 60L;
        }
    }
}
