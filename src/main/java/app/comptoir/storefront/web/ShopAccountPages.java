package app.comptoir.storefront.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.platform.TooManyRequestsException;
import app.comptoir.platform.UnauthorizedException;
import app.comptoir.sales.CustomerOrder;
import app.comptoir.sales.CustomerOrderSummary;
import app.comptoir.sales.OnlineAddress;
import app.comptoir.sales.OnlineAddressInput;
import app.comptoir.sales.OnlineCustomers;
import app.comptoir.storefront.application.EmailTakenException;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopperLinkRefusedException;
import app.comptoir.storefront.application.ShopperSessions;
import app.comptoir.storefront.application.Shoppers;
import app.comptoir.storefront.application.SignedInShopper;

/**
 * A shopper's account on a shop's pages ({@code /shop/{slug}/account}), phone first: register (then the e-mailed
 * link verifies the address), sign in and out (back to {@code ?next=}, a path of the same shop), forgotten password,
 * and, signed in, the profile and password, the addresses (default delivery and billing), the order history with
 * each order's timeline and "order again", and the deletion of the account. Every answer is about one shopper:
 * {@code Cache-Control: private, no-store}. A page that needs a signed-in shopper sends anyone else to the sign-in
 * page, with the page to come back to. Messages after a redirect travel in the query ({@code ?saved}), not in a
 * session: the shop keeps none.
 */
@PageController
@RequestMapping("/shop/{slug}/account")
class ShopAccountPages {

    private static final String VIEWS = "storefront/account/";
    private static final int PAGE_SIZE = 10;

    private final ShopBusinesses shops;
    private final Shoppers shoppers;
    private final ShopVisitors visitors;
    private final OnlineCustomers customers;

    ShopAccountPages(ShopBusinesses shops, Shoppers shoppers, ShopVisitors visitors, OnlineCustomers customers) {
        this.shops = shops;
        this.shoppers = shoppers;
        this.visitors = visitors;
        this.customers = customers;
    }

    record RegisterForm(String name, String email, String phone, String password, String next) {
    }

    record LoginForm(String email, String password, String next) {
    }

    record EmailForm(String email) {
    }

    record ResetForm(String token, String password) {
    }

    record ProfileForm(String name, String phone, String locale) {
    }

    record PasswordForm(String currentPassword, String newPassword) {
    }

    record DeleteForm(String password) {
    }

    record AddressForm(String label, String line1, String line2, String postalCode, String city, String country,
                       String phone, String instructions, Boolean defaultDelivery, Boolean defaultBilling) {

        static AddressForm of(OnlineAddress a) {
            return new AddressForm(a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(), a.phone(),
                    a.instructions(), a.defaultDelivery(), a.defaultBilling());
        }

        OnlineAddressInput input() {
            return new OnlineAddressInput(label, line1, line2, postalCode, city, country, phone, instructions,
                    defaultDelivery, defaultBilling);
        }
    }

    @ModelAttribute
    void neverCached(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    // ------------------------------------------------------------------------------------------- registration

    @GetMapping("/register")
    String registerPage(@PathVariable String slug, @RequestParam(required = false) String next, Model model) {
        shop(slug, model);
        model.addAttribute("form", new RegisterForm("", "", "", "", safeNext(slug, next)));
        return VIEWS + "register";
    }

    @PostMapping("/register")
    String register(@PathVariable String slug, @ModelAttribute("form") RegisterForm form, BindingResult result,
                    Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shop(slug, model);
        try {
            UUID id = shoppers.register(shop, new Shoppers.Registration(form.email(), form.password(), form.name(),
                    form.phone(), locale.getLanguage()), ClientAddress.of(request));
            visitors.signIn(request, response, shop, id);
            String next = safeNext(slug, form.next());
            return "redirect:" + (next != null ? next : "/shop/" + slug + "/account?registered");
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (EmailTakenException e) {
            result.rejectValue("email", "storefront.account.emailTaken", "taken");
        } catch (TooManyRequestsException e) {
            model.addAttribute("throttledMinutes", minutes(e));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return VIEWS + "register";
    }

    @GetMapping("/verify")
    String verify(@PathVariable String slug, @RequestParam(required = false) String token, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shop(slug, model);
        try {
            shoppers.verify(shop, token);
            model.addAttribute("verified", true);
        } catch (ShopperLinkRefusedException e) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("refused", e.reason().name());
        }
        model.addAttribute("signedIn", visitors.signedIn(request, shop).isPresent());
        return VIEWS + "verified";
    }

    @PostMapping("/verification")
    String resendVerification(@PathVariable String slug, HttpServletRequest request) {
        ShopBusiness shop = shops.accounts(slug);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account");
        }
        try {
            shoppers.resendVerification(shop, shopper.get().shopperId(), ClientAddress.of(request));
            return "redirect:/shop/" + slug + "/account?linkSent";
        } catch (TooManyRequestsException e) {
            return "redirect:/shop/" + slug + "/account?linkThrottled";
        }
    }

    // ------------------------------------------------------------------------------------------------ sign-in

    @GetMapping("/login")
    String loginPage(@PathVariable String slug, @RequestParam(required = false) String next, Model model,
                     HttpServletRequest request) {
        ShopBusiness shop = shop(slug, model);
        String safe = safeNext(slug, next);
        if (visitors.signedIn(request, shop).isPresent()) {
            return "redirect:" + (safe != null ? safe : "/shop/" + slug + "/account");
        }
        model.addAttribute("form", new LoginForm("", "", safe));
        model.addAttribute("loggedOut", request.getParameter("loggedOut") != null);
        model.addAttribute("passwordReset", request.getParameter("reset") != null);
        model.addAttribute("deleted", request.getParameter("deleted") != null);
        return VIEWS + "login";
    }

    @PostMapping("/login")
    String login(@PathVariable String slug, @ModelAttribute("form") LoginForm form, BindingResult result, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shop(slug, model);
        try {
            String token = shoppers.signIn(shop, form.email(), form.password(), ClientAddress.of(request),
                    ShopperSessions.Kind.COOKIE);
            visitors.keep(request, response, shop, token);
            String next = safeNext(slug, form.next());
            return "redirect:" + (next != null ? next : "/shop/" + slug + "/account");
        } catch (UnauthorizedException e) {
            model.addAttribute("failed", true);
        } catch (TooManyRequestsException e) {
            model.addAttribute("throttledSeconds", e.retryAfterSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            response.setStatus(429);
            model.addAttribute("form", new LoginForm(form.email(), "", safeNext(slug, form.next())));
            return VIEWS + "login";
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("form", new LoginForm(form.email(), "", safeNext(slug, form.next())));
        return VIEWS + "login";
    }

    @PostMapping("/logout")
    String logout(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shops.accounts(slug);
        visitors.signOut(request, response, shop);
        return "redirect:/shop/" + slug + "/account/login?loggedOut";
    }

    // ---------------------------------------------------------------------------------------- password reset

    @GetMapping("/forgot")
    String forgotPage(@PathVariable String slug, Model model) {
        shop(slug, model);
        model.addAttribute("form", new EmailForm(""));
        return VIEWS + "forgot";
    }

    @PostMapping("/forgot")
    String forgot(@PathVariable String slug, @ModelAttribute("form") EmailForm form, BindingResult result, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shop(slug, model);
        try {
            shoppers.requestReset(shop, form.email(), ClientAddress.of(request));
            model.addAttribute("sent", true);
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (TooManyRequestsException e) {
            model.addAttribute("throttledMinutes", minutes(e));
            response.setStatus(429);
        }
        return VIEWS + "forgot";
    }

    @GetMapping("/reset")
    String resetPage(@PathVariable String slug, @RequestParam(required = false) String token, Model model,
                     HttpServletResponse response) {
        ShopBusiness shop = shop(slug, model);
        try {
            model.addAttribute("email", shoppers.checkReset(shop, token));
            model.addAttribute("form", new ResetForm(token, ""));
        } catch (ShopperLinkRefusedException e) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("refused", e.reason().name());
        }
        return VIEWS + "reset";
    }

    @PostMapping("/reset")
    String reset(@PathVariable String slug, @ModelAttribute("form") ResetForm form, BindingResult result, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shop(slug, model);
        try {
            shoppers.reset(shop, form.token(), form.password());
            // every session ended, this browser's too: sign in with the new password
            visitors.signOut(request, response, shop);
            return "redirect:/shop/" + slug + "/account/login?reset";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("email", shoppers.checkReset(shop, form.token()));
        } catch (ShopperLinkRefusedException e) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("refused", e.reason().name());
        }
        return VIEWS + "reset";
    }

    // -------------------------------------------------------------------------------------- the account itself

    @GetMapping
    String account(@PathVariable String slug, Model model, HttpServletRequest request) {
        ShopBusiness shop = shop(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account");
        }
        Shoppers.Profile profile = shoppers.profile(shop, shopper.get().shopperId());
        model.addAttribute("profile", profile);
        model.addAttribute("profileForm", new ProfileForm(profile.name(), profile.phone(), profile.locale()));
        model.addAttribute("passwordForm", new PasswordForm("", ""));
        flags(model, request, "registered", "linkSent", "linkThrottled", "saved", "passwordChanged");
        return VIEWS + "profile";
    }

    @PostMapping("/profile")
    String saveProfile(@PathVariable String slug, @ModelAttribute("profileForm") ProfileForm form, BindingResult result,
                       Model model, HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shop(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account");
        }
        try {
            shoppers.updateProfile(shop, shopper.get().shopperId(), form.name(), form.phone(), form.locale());
            return "redirect:/shop/" + slug + "/account?saved&lang=" + ("en".equals(form.locale()) ? "en" : "fr");
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("profile", shoppers.profile(shop, shopper.get().shopperId()));
        model.addAttribute("passwordForm", new PasswordForm("", ""));
        return VIEWS + "profile";
    }

    @PostMapping("/password")
    String changePassword(@PathVariable String slug, @ModelAttribute("passwordForm") PasswordForm form,
                          BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shop(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account");
        }
        try {
            shoppers.changePassword(shop, shopper.get().shopperId(), form.currentPassword(), form.newPassword(),
                    ShopperCookies.read(request, ShopperCookies.SESSION), ClientAddress.of(request));
            return "redirect:/shop/" + slug + "/account?passwordChanged";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (TooManyRequestsException e) {
            model.addAttribute("throttledSeconds", e.retryAfterSeconds());
            response.setStatus(429);
        }
        Shoppers.Profile profile = shoppers.profile(shop, shopper.get().shopperId());
        model.addAttribute("profile", profile);
        model.addAttribute("profileForm", new ProfileForm(profile.name(), profile.phone(), profile.locale()));
        return VIEWS + "profile";
    }

    // ---------------------------------------------------------------------------------------------- addresses

    @GetMapping("/addresses")
    String addresses(@PathVariable String slug, Model model, HttpServletRequest request) {
        ShopBusiness shop = shopWithCatalog(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/addresses");
        }
        model.addAttribute("addresses", shops.as(shop, () -> customers.get(shopper.get().customerId()).addresses()));
        flags(model, request, "added", "saved", "deleted");
        return VIEWS + "addresses";
    }

    @GetMapping("/addresses/new")
    String newAddress(@PathVariable String slug, Model model, HttpServletRequest request) {
        ShopBusiness shop = shopWithCatalog(slug, model);
        if (visitors.signedIn(request, shop).isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/addresses/new");
        }
        model.addAttribute("form", new AddressForm(null, "", null, "", "", "FR", null, null, false, false));
        model.addAttribute("addressId", null);
        return VIEWS + "address";
    }

    @PostMapping("/addresses")
    String addAddress(@PathVariable String slug, @ModelAttribute("form") AddressForm form, BindingResult result,
                      Model model, HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shopWithCatalog(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/addresses/new");
        }
        try {
            shops.as(shop, () -> customers.addAddress(shopper.get().customerId(), form.input()));
            return "redirect:/shop/" + slug + "/account/addresses?added";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            model.addAttribute("tooMany", OnlineCustomers.MAX_ADDRESSES);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("addressId", null);
        return VIEWS + "address";
    }

    @GetMapping("/addresses/{addressId}")
    String editAddress(@PathVariable String slug, @PathVariable UUID addressId, Model model,
                       HttpServletRequest request) {
        ShopBusiness shop = shopWithCatalog(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/addresses");
        }
        OnlineAddress address = shops.as(shop, () -> customers.get(shopper.get().customerId()).addresses().stream()
                .filter(a -> a.id().equals(addressId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Address", addressId)));
        model.addAttribute("form", AddressForm.of(address));
        model.addAttribute("addressId", addressId);
        model.addAttribute("address", address);
        return VIEWS + "address";
    }

    @PostMapping("/addresses/{addressId}")
    String updateAddress(@PathVariable String slug, @PathVariable UUID addressId,
                         @ModelAttribute("form") AddressForm form, BindingResult result, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shopWithCatalog(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/addresses");
        }
        try {
            shops.as(shop, () -> customers.updateAddress(shopper.get().customerId(), addressId, form.input()));
            return "redirect:/shop/" + slug + "/account/addresses?saved";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("addressId", addressId);
        return VIEWS + "address";
    }

    @PostMapping("/addresses/{addressId}/delete")
    String deleteAddress(@PathVariable String slug, @PathVariable UUID addressId, HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/addresses");
        }
        shops.runAs(shop, () -> customers.deleteAddress(shopper.get().customerId(), addressId));
        return "redirect:/shop/" + slug + "/account/addresses?deleted";
    }

    // ------------------------------------------------------------------------------------------------- orders

    @GetMapping("/orders")
    String orders(@PathVariable String slug, @RequestParam(defaultValue = "0") int page, Model model,
                  HttpServletRequest request) {
        ShopBusiness shop = shopWithCatalog(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/orders");
        }
        int p = Math.max(0, Math.min(page, 10_000));
        PageResponse<CustomerOrderSummary> orders = shops.as(shop, () ->
                customers.orders(shopper.get().customerId(), p, PAGE_SIZE));
        model.addAttribute("orders", orders);
        model.addAttribute("pager", Pager.of(orders, UriComponentsBuilder.fromPath("/shop/" + slug + "/account/orders")));
        return VIEWS + "orders";
    }

    @GetMapping("/orders/{orderId}")
    String order(@PathVariable String slug, @PathVariable UUID orderId, Model model, Locale locale,
                 HttpServletRequest request) {
        ShopBusiness shop = shopWithCatalog(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/orders/" + orderId);
        }
        CustomerOrder order = shops.as(shop, () -> customers.order(shopper.get().customerId(), orderId));
        model.addAttribute("order", order);
        return VIEWS + "order";
    }

    // ----------------------------------------------------------------------------------------------- deletion

    @GetMapping("/delete")
    String deletePage(@PathVariable String slug, Model model, HttpServletRequest request) {
        ShopBusiness shop = shop(slug, model);
        if (visitors.signedIn(request, shop).isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/delete");
        }
        model.addAttribute("form", new DeleteForm(""));
        return VIEWS + "delete";
    }

    @PostMapping("/delete")
    String delete(@PathVariable String slug, @ModelAttribute("form") DeleteForm form, BindingResult result, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shop(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/delete");
        }
        try {
            shoppers.delete(shop, shopper.get().shopperId(), form.password(), ClientAddress.of(request));
            visitors.signOut(request, response, shop);
            return "redirect:/shop/" + slug + "/account/login?deleted";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (TooManyRequestsException e) {
            model.addAttribute("throttledSeconds", e.retryAfterSeconds());
            response.setStatus(429);
        }
        // the bound form stays (a new one would drop its errors); the password is never written back
        return VIEWS + "delete";
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private ShopBusiness shop(String slug, Model model) {
        return show(shops.accounts(slug), model);
    }

    /** A business whose shop is on: addresses and orders are the shop's (a 404 elsewhere). */
    private ShopBusiness shopWithCatalog(String slug, Model model) {
        return show(shops.open(slug), model);
    }

    static ShopBusiness show(ShopBusiness shop, Model model) {
        model.addAttribute("shop", shop);
        model.addAttribute("dates", new ShopDates(ZoneId.of(shop.zone()),
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return shop;
    }

    private static void flags(Model model, HttpServletRequest request, String... names) {
        for (String name : names) {
            if (request.getParameter(name) != null) {
                model.addAttribute(name, true);
            }
        }
    }

    private static long minutes(TooManyRequestsException e) {
        return Math.max(1, (e.retryAfterSeconds() + 59) / 60);
    }

    static String toLogin(String slug, String next) {
        return "redirect:" + UriComponentsBuilder.fromPath("/shop/" + slug + "/account/login")
                .queryParam("next", next).encode().build().toUriString();
    }

    /**
     * The page to go back to after signing in, if it is a path of this shop (never another site, nor another shop:
     * {@code //evil.example}, {@code /shop/other}, a backslash or a scheme are dropped); null otherwise.
     */
    static String safeNext(String slug, String next) {
        if (next == null || next.isBlank() || next.length() > 500) {
            return null;
        }
        String n = next.strip();
        String base = "/shop/" + slug;
        boolean inShop = n.equals(base) || n.startsWith(base + "/") || n.startsWith(base + "?");
        if (!inShop || n.contains("\\") || n.contains("//") || n.contains("/../") || n.endsWith("/..")
                || n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return n;
    }
}
