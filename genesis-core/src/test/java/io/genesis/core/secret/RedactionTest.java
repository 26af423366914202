package io.genesis.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://admin:hunter2@api.example:6443/      | https://****@api.example:6443/",
                "http://admin:hunter2@my_host:9090/api        | http://****@my_host:9090/api",
                "http://hunter2@my_host                       | http://****@my_host",
                "https://h/q?access_token=hunter2&x=1         | https://h/q?access_token=****&x=1",
                "https://h/q?x=1&TOKEN=hunter2                | https://h/q?x=1&TOKEN=****",
                "https://h/q?key=hunter2                      | https://h/q?key=****",
                "https://h/q?password=hunter2                 | https://h/q?password=****",
                "https://bucket/o?X-Amz-Signature=hunter2&a=b | https://bucket/o?X-Amz-Signature=****&a=b",
                "https://h/sas?sv=1&sig=hunter2               | https://h/sas?sv=1&sig=****",
                "https://h/cb#access_token=hunter2            | https://h/cb#access_token=****",
                "https://h/q?my_api_key=hunter2               | https://h/q?my_api_key=****",
            })
    void shouldMaskCredentialsInAddresses(String address, String shown) {
        assertThat(Redaction.url(address)).isEqualTo(shown).doesNotContain("hunter2");
        assertThat(Redaction.carriesSecret(address)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"https://api.example:6443/", "http://127.0.0.1:9090/api/v1/query?query=up&time=5", "https://h/a?x=1"})
    void shouldLeaveAddressesWithoutCredentialsAsTheyAre(String address) {
        assertThat(Redaction.url(address)).isEqualTo(address);
        assertThat(Redaction.carriesSecret(address)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "ghp_hunter2hunter2hunter2", "api.example:6443"})
    void shouldShowNothingOfAValueThatIsNotAnAddress(String pasted) {
        assertThat(Redaction.url(pasted)).doesNotContain(pasted).contains("not shown");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cannot reach http://u:hunter2@my_host:8080/x (refused)   | cannot reach http://****@my_host:8080/x (refused)",
                "got 'https://h/?token=hunter2'                            | got 'https://h/?token=****'",
                "{\"url\":\"https://a:hunter2@h/\",\"n\":1}                 | {\"url\":\"https://****@h/\",\"n\":1}",
                "Authorization: Bearer hunter2hunter2                      | Authorization: Bearer ****",
                "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl   | token ****",
                "nothing secret here: rollout r-1 on https://h/            | nothing secret here: rollout r-1 on https://h/",
                "the proxy wants basic authentication                      | the proxy wants basic authentication",
            })
    void shouldMaskEveryAddressInText(String text, String shown) {
        assertThat(Redaction.text(text)).isEqualTo(shown);
    }
}
