package org.omnichannel.ofbiz.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_the_user_and_password_of_http_basic() {
        assertThat(Credentials.parse(basic("omnihub:s3cr:et")))
                .isEqualTo(new Credentials.Basic("omnihub", "s3cr:et"));
    }

    @Test
    void reads_a_bearer_token_whatever_the_scheme_case() {
        assertThat(Credentials.parse("bearer eyJ.abc.def")).isEqualTo(new Credentials.Bearer("eyJ.abc.def"));
    }

    @Test
    void never_shows_the_secret_when_printed() {
        assertThat(Credentials.parse(basic("omnihub:hunter2")).toString()).doesNotContain("hunter2");
        assertThat(Credentials.parse("Bearer eyJ.secret").toString()).doesNotContain("eyJ.secret");
    }

    @Test
    void a_missing_header_says_what_to_send() {
        assertThatThrownBy(() -> Credentials.parse(null)).hasMessageContaining("no Authorization header")
                .hasMessageContaining("Basic").hasMessageContaining("Bearer");
    }

    @Test
    void refuses_basic_without_a_colon_or_not_base64_and_unknown_schemes() {
        assertThatThrownBy(() -> Credentials.parse(basic("omnihub"))).hasMessageContaining("userLoginId:password");
        assertThatThrownBy(() -> Credentials.parse("Basic %%%")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> Credentials.parse("Digest abc")).hasMessageContaining("'Digest' is not supported");
        assertThatThrownBy(() -> Credentials.parse("Bearer ")).hasMessageContaining("no token");
    }
}
