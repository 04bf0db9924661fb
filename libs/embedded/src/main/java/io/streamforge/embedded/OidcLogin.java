package io.streamforge.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a user in the way the web UI does — authorization code + PKCE (S256) with a public client —
 * but over plain HTTP: opens the login page, posts the login form, takes the code from the redirect
 * and exchanges it for tokens. For ITs without a browser.
 */
public final class OidcLogin {
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN =
            Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private OidcLogin() {}

    /** The access token of {@code user} after a code + PKCE sign-in. */
    public static String accessToken(
            String issuer, String clientId, String redirectUri, String user, String password)
            throws IOException, InterruptedException {
        // cookies by hand: Keycloak marks them Secure, which java.net.CookieManager never sends
        // over http (a browser treats 127.0.0.1 as a secure context and does)
        HttpClient http =
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = random();
        String auth =
                issuer
                        + "/protocol/openid-connect/auth?"
                        + form(
                                Map.of(
                                        "client_id",
                                        clientId,
                                        "response_type",
                                        "code",
                                        "scope",
                                        "openid",
                                        "redirect_uri",
                                        redirectUri,
                                        "state",
                                        random(),
                                        "code_challenge",
                                        challenge(verifier),
                                        "code_challenge_method",
                                        "S256"));
        HttpResponse<String> page = http.send(get(auth), HttpResponse.BodyHandlers.ofString());
        Matcher m = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new IOException("no login form (" + page.statusCode() + "): " + page.body());
        }
        String action = m.group(1).replace("&amp;", "&");
        String cookies =
                page.headers().allValues("Set-Cookie").stream()
                        .map(c -> c.split(";", 2)[0])
                        .collect(Collectors.joining("; "));
        HttpResponse<String> login =
                http.send(
                        HttpRequest.newBuilder(
                                        post(
                                                action,
                                                Map.of("username", user, "password", password)),
                                        (n, v) -> true)
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (login.statusCode() != 302 || !code.find()) {
            throw new IOException("login of " + user + " failed: " + login.statusCode());
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code.group(1));
        exchange.put("redirect_uri", redirectUri);
        exchange.put("client_id", clientId);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> tokens =
                http.send(
                        post(issuer + "/protocol/openid-connect/token", exchange),
                        HttpResponse.BodyHandlers.ofString());
        Matcher t = ACCESS_TOKEN.matcher(tokens.body());
        if (tokens.statusCode() != 200 || !t.find()) {
            throw new IOException(
                    "token exchange failed: " + tokens.statusCode() + " " + tokens.body());
        }
        return t.group(1);
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).GET().build();
    }

    private static HttpRequest post(String uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
