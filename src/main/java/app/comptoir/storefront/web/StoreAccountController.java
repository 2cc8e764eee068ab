package app.comptoir.storefront.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.PublicRequests;
import app.comptoir.sales.CustomerOrder;
import app.comptoir.sales.CustomerOrderSummary;
import app.comptoir.sales.OnlineAddress;
import app.comptoir.sales.OnlineAddressInput;
import app.comptoir.sales.OnlineCustomers;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopperSessions;
import app.comptoir.storefront.application.Shoppers;
import app.comptoir.storefront.application.SignedInShopper;

/**
 * The customer accounts of the store API ({@code /api/v1/store/{slug}}): register, verify the e-mail, sign in for a
 * shopper token ({@code shp_…}, sent as {@code Authorization: Bearer}), sign out, the account, its addresses, its
 * orders with their timeline, and its deletion. The same rules and errors as the shop's pages: 400 names each wrong
 * field, 401 {@code shopper-token} without a live token, 409 {@code email-taken}, 410 for a spent or expired link,
 * 429 with Retry-After when throttled. Nothing here is cached ({@code private, no-store}).
 */
@RestController
@RequestMapping("/api/v1/store/{slug}")
class StoreAccountController {

    private static final int MAX_PAGE_SIZE = 50;

    private final ShopBusinesses shops;
    private final Shoppers shoppers;
    private final ShopperSessions sessions;
    private final ShopVisitors visitors;
    private final OnlineCustomers customers;

    StoreAccountController(ShopBusinesses shops, Shoppers shoppers, ShopperSessions sessions, ShopVisitors visitors,
                           OnlineCustomers customers) {
        this.shops = shops;
        this.shoppers = shoppers;
        this.sessions = sessions;
        this.visitors = visitors;
        this.customers = customers;
    }

    record RegisterBody(String email, String password, String name, String phone, String locale) {
    }

    record TokenBody(String token) {
    }

    record LoginBody(String email, String password) {
    }

    record LoginAnswer(String token, String tokenType, long expiresInSeconds) {
    }

    record EmailBody(String email) {
    }

    record ResetBody(String token, String password) {
    }

    record ProfileBody(String name, String phone, String locale) {
    }

    record PasswordBody(String currentPassword, String newPassword) {
    }

    record DeleteBody(String password) {
    }

    /** The signed-in shopper's account and their customer's addresses. */
    record Me(UUID id, String email, String name, String phone, String locale, boolean emailVerified,
              List<OnlineAddress> addresses) {
    }

    @ModelAttribute
    void neverCached(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    @PostMapping("/customers")
    @Operation(summary = "Register a customer account at the shop",
            description = "{email, password (10 to 128 characters, not a common one), name, phone?, locale? (fr, en)}. "
                    + "201 with the account, not signed in (POST /auth/login next); the e-mail gets a link that "
                    + "verifies it (48 hours), needed before an order. 409 email-taken; 429 with Retry-After past a "
                    + "few registrations per hour from one address.")
    ResponseEntity<Me> register(@PathVariable String slug, @RequestBody(required = false) RegisterBody body,
                                HttpServletRequest request) {
        ShopBusiness shop = shops.accounts(slug);
        RegisterBody b = body == null ? new RegisterBody(null, null, null, null, null) : body;
        String locale = b.locale() == null || b.locale().isBlank() ? PublicRequests.locale(request).getLanguage()
                : b.locale();
        UUID id = shoppers.register(shop, new Shoppers.Registration(b.email(), b.password(), b.name(), b.phone(),
                locale), ClientAddress.of(request));
        Shoppers.Profile profile = shoppers.profile(shop, id);
        return ResponseEntity.created(URI.create("/api/v1/store/" + slug + "/me"))
                .body(new Me(profile.shopperId(), profile.email(), profile.name(), profile.phone(), profile.locale(),
                        false, List.of()));
    }

    @PostMapping("/customers/verify")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Verify the customer's e-mail with the token of the e-mailed link",
            description = "{token}. 204; 410 shopper-link-expired, shopper-link-used or shopper-link-invalid.")
    void verify(@PathVariable String slug, @RequestBody(required = false) TokenBody body) {
        shoppers.verify(shops.accounts(slug), body == null ? null : body.token());
    }

    @PostMapping("/auth/login")
    @Operation(summary = "Sign a customer in: the shopper token to send as Authorization: Bearer",
            description = "{email, password}. 401 shopper-credentials for an unknown e-mail and a wrong password "
                    + "alike; 429 with Retry-After after repeated failures. The token lasts 30 days from its last use.")
    LoginAnswer login(@PathVariable String slug, @RequestBody(required = false) LoginBody body,
                      HttpServletRequest request) {
        ShopBusiness shop = shops.accounts(slug);
        String token = shoppers.signIn(shop, body == null ? null : body.email(), body == null ? null : body.password(),
                ClientAddress.of(request), ShopperSessions.Kind.BEARER);
        return new LoginAnswer(token, "Bearer", ShopperSessions.LIFETIME.toSeconds());
    }

    @PostMapping("/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out: the token stops working")
    void logout(@PathVariable String slug, HttpServletRequest request) {
        ShopBusiness shop = shops.accounts(slug);
        visitors.requireBearer(request, shop);
        sessions.end(shop, request.getHeader("Authorization").substring(7).trim());
    }

    @PostMapping("/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "E-mail a link that sets a new password",
            description = "{email}. 202 whether the shop has such an account or not; 429 when asked too often.")
    void requestReset(@PathVariable String slug, @RequestBody(required = false) EmailBody body,
                      HttpServletRequest request) {
        shoppers.requestReset(shops.accounts(slug), body == null ? null : body.email(), ClientAddress.of(request));
    }

    @PostMapping("/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with the e-mailed link's token",
            description = "{token, password}. Every session of the customer ends; 410 for a spent or expired link.")
    void reset(@PathVariable String slug, @RequestBody(required = false) ResetBody body) {
        shoppers.reset(shops.accounts(slug), body == null ? null : body.token(), body == null ? null : body.password());
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in customer's account and addresses")
    Me me(@PathVariable String slug, HttpServletRequest request) {
        ShopBusiness shop = shops.accounts(slug);
        return me(shop, visitors.requireBearer(request, shop));
    }

    @PutMapping("/me")
    @Operation(summary = "Change the customer's name, phone and language", description = "{name, phone?, locale?}")
    Me update(@PathVariable String slug, @RequestBody(required = false) ProfileBody body, HttpServletRequest request) {
        ShopBusiness shop = shops.accounts(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        ProfileBody b = body == null ? new ProfileBody(null, null, null) : body;
        shoppers.updateProfile(shop, shopper.shopperId(), b.name(), b.phone(), b.locale());
        return me(shop, shopper);
    }

    @PostMapping("/me/verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "E-mail a new verification link (nothing when the e-mail is verified already)")
    void resend(@PathVariable String slug, HttpServletRequest request) {
        ShopBusiness shop = shops.accounts(slug);
        shoppers.resendVerification(shop, visitors.requireBearer(request, shop).shopperId(), ClientAddress.of(request));
    }

    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the password with the current one",
            description = "{currentPassword, newPassword}. The customer's other sessions end; this token stays.")
    void changePassword(@PathVariable String slug, @RequestBody(required = false) PasswordBody body,
                        HttpServletRequest request) {
        ShopBusiness shop = shops.accounts(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        shoppers.changePassword(shop, shopper.shopperId(), body == null ? null : body.currentPassword(),
                body == null ? null : body.newPassword(), request.getHeader("Authorization").substring(7).trim(),
                ClientAddress.of(request));
    }

    @DeleteMapping("/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the customer's account for good (GDPR)",
            description = "{password}. The account and the customer's personal data are erased, every session ends; "
                    + "the orders stay for the shop's accounts.")
    void delete(@PathVariable String slug, @RequestBody(required = false) DeleteBody body, HttpServletRequest request) {
        ShopBusiness shop = shops.accounts(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        shoppers.delete(shop, shopper.shopperId(), body == null ? null : body.password(), ClientAddress.of(request));
    }

    @GetMapping("/me/addresses")
    @Operation(summary = "The customer's addresses, the default delivery address first")
    List<OnlineAddress> addresses(@PathVariable String slug, HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        return shops.as(shop, () -> customers.get(shopper.customerId()).addresses());
    }

    @PostMapping("/me/addresses")
    @Operation(summary = "Add an address",
            description = "{label?, line1, line2?, postalCode?, city, country? (FR), phone?, instructions?, "
                    + "defaultDelivery?, defaultBilling?}; the first address is both defaults.")
    ResponseEntity<OnlineAddress> addAddress(@PathVariable String slug, @RequestBody(required = false) OnlineAddressInput body,
                                             HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        OnlineAddress added = shops.as(shop, () -> customers.addAddress(shopper.customerId(), body));
        return ResponseEntity.created(URI.create("/api/v1/store/" + slug + "/me/addresses/" + added.id())).body(added);
    }

    @PutMapping("/me/addresses/{addressId}")
    @Operation(summary = "Change an address (defaultDelivery/defaultBilling true make it that default)")
    OnlineAddress updateAddress(@PathVariable String slug, @PathVariable UUID addressId,
                                @RequestBody(required = false) OnlineAddressInput body, HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        return shops.as(shop, () -> customers.updateAddress(shopper.customerId(), addressId, body));
    }

    @DeleteMapping("/me/addresses/{addressId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an address (a default passes to the oldest remaining one)")
    void deleteAddress(@PathVariable String slug, @PathVariable UUID addressId, HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        shops.runAs(shop, () -> customers.deleteAddress(shopper.customerId(), addressId));
    }

    @GetMapping("/me/orders")
    @Operation(summary = "The customer's orders, newest first", description = "page (from 0), size (1-50, default 20).")
    PageResponse<CustomerOrderSummary> orders(@PathVariable String slug, @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size, HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        int p = Math.max(0, page);
        int s = Math.clamp(size, 1, MAX_PAGE_SIZE);
        return shops.as(shop, () -> customers.orders(shopper.customerId(), p, s));
    }

    @GetMapping("/me/orders/{orderId}")
    @Operation(summary = "One of the customer's orders with its timeline (404 for anyone else's)")
    CustomerOrder order(@PathVariable String slug, @PathVariable UUID orderId, HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        return shops.as(shop, () -> customers.order(shopper.customerId(), orderId));
    }

    private Me me(ShopBusiness shop, SignedInShopper shopper) {
        Shoppers.Profile p = shoppers.profile(shop, shopper.shopperId());
        List<OnlineAddress> addresses = shops.as(shop, () -> customers.get(shopper.customerId()).addresses());
        return new Me(p.shopperId(), p.email(), p.name(), p.phone(), p.locale(), p.emailVerified(), addresses);
    }
}
