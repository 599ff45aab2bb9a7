package org.omnichannel.hub;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubArgumentsTest {

    @Test
    void key_value_arguments_become_properties_and_the_rest_goes_to_camel_main() {
        HubArguments arguments = HubArguments.parse("--omni.kafka.partitions=12", "-d", "60",
                "--camel.server.port=9090", "--omni.public.baseUrl=https://hub.example.com/x?a=b", "--omni.kafka.partitions=8");

        assertThat(arguments.properties()).containsOnly(Map.entry("omni.kafka.partitions", "8"),
                Map.entry("camel.server.port", "9090"), Map.entry("omni.public.baseUrl", "https://hub.example.com/x?a=b"));
        assertThat(arguments.camelArgs()).containsExactly("-d", "60");
    }

    @Test
    void an_empty_value_is_a_setting_too() {
        assertThat(HubArguments.parse("--omni.ofbiz.baseUrl=").properties()).containsOnly(Map.entry("omni.ofbiz.baseUrl", ""));
        assertThat(HubArguments.parse().camelArgs()).isEqualTo(List.of());
    }

    @Test
    void a_setting_without_a_value_is_refused_showing_the_form() {
        assertThatThrownBy(() -> HubArguments.parse("--omni.kafka.partitions", "12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'--omni.kafka.partitions' is not a setting: write --key=value");
        assertThatThrownBy(() -> HubArguments.parse("--=3")).hasMessageContaining("write --key=value");
    }
}
