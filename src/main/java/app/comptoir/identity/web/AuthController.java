package app.comptoir.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.identity.application.AuthResult;
import app.comptoir.identity.application.Logins;
import app.comptoir.identity.application.PasswordResets;
import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.ComptoirPrincipal;

/** Sign-up, login, token refresh, logout, the current user and password change. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final Logins auth;
    private final PasswordResets resets;

    AuthController(Logins auth, PasswordResets resets) {
        this.auth = auth;
        this.resets = resets;
    }

    record PasswordResetRequest(@NotBlank @Size(max = 254) String email) {
    }

    record PasswordResetConfirmation(@NotBlank String token, @NotNull String password) {
    }

    record SignupRequest(@NotBlank @Size(max = 120) String businessName, @NotBlank @Size(max = 254) String email,
                         @NotBlank String password, @Size(max = 120) String name, String locale, String currency,
                         @Schema(description = "true or left out: prices entered including VAT (TTC, a shop selling to "
                                 + "consumers); false: excluding VAT (HT, selling to businesses)") Boolean pricesIncludeVat,
                         @Schema(description = "MERCHANT (left out) or SUPPLIER: a registered supplier's business, "
                                 + "with only the supplier space") app.comptoir.identity.BusinessKind kind) {
    }

    record LoginRequest(@NotBlank String email, @NotBlank String password) {
    }

    record RefreshRequest(@NotBlank String refreshToken) {
    }

    record LogoutRequest(String refreshToken) {
    }

    record ChangePasswordRequest(@NotNull String currentPassword, @NotNull String newPassword) {
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a business (tenant) and its first administrator, and sign in")
    AuthResult signup(@Valid @RequestBody SignupRequest body, HttpServletRequest request) {
        return auth.signup(new Logins.Signup(body.businessName(), body.email(), body.password(), body.name(),
                body.locale(), body.currency(), body.pricesIncludeVat(), body.kind()), ClientAddress.of(request));
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in with e-mail and password (throttled: HTTP 429 with Retry-After)")
    AuthResult login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return auth.login(body.email(), body.password(), ClientAddress.of(request));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens (rotation; reuse revokes the family)")
    AuthResult refresh(@Valid @RequestBody RefreshRequest body) {
        return auth.refresh(body.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the refresh token and its family")
    void logout(@RequestBody(required = false) LogoutRequest body) {
        if (body != null && body.refreshToken() != null) {
            auth.logout(body.refreshToken());
        }
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user and their tenant")
    AuthResult me(@AuthenticationPrincipal ComptoirPrincipal principal) {
        return auth.me(principal);
    }

    @PostMapping("/change-password")
    @Operation(summary = "Change the signed-in user's password: every other session and token of the user ends; "
            + "the answer carries new tokens for the caller (throttled like a login: HTTP 429 with Retry-After)")
    AuthResult changePassword(@AuthenticationPrincipal ComptoirPrincipal principal,
                              @Valid @RequestBody ChangePasswordRequest body, HttpServletRequest request) {
        return auth.changePassword(principal, body.currentPassword(), body.newPassword(), ClientAddress.of(request));
    }

    @PostMapping("/logout-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out everywhere: every refresh token, access token and web session of the user ends")
    void logoutAll(@AuthenticationPrincipal ComptoirPrincipal principal) {
        auth.logoutEverywhere(principal);
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a password reset link by e-mail: always 202, whether an account exists or not "
            + "(throttled per e-mail and per address: HTTP 429 with Retry-After); the link works once, for 30 minutes")
    void requestPasswordReset(@Valid @RequestBody PasswordResetRequest body, HttpServletRequest request) {
        resets.request(body.email(), ClientAddress.of(request));
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with the e-mailed token: every session and token of the user ends. "
            + "HTTP 410 reset-link-invalid, reset-link-expired or reset-link-used when the link cannot be used")
    void confirmPasswordReset(@Valid @RequestBody PasswordResetConfirmation body) {
        resets.reset(body.token(), body.password());
    }
}
