package org.omnichannel.connector.woocommerce;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WooCommerceTextTest {

    @Test
    void decodes_the_entities_wordpress_writes_into_names() {
        assertThat(WooCommerceText.decode("Ship Your Idea &ndash; Color: Black")).isEqualTo("Ship Your Idea \u2013 Color: Black");
        assertThat(WooCommerceText.decode("Tom &amp; Jerry&#8217;s &#x4F60;&#22909;")).isEqualTo("Tom & Jerry\u2019s \u4f60\u597d");
    }

    @Test
    void leaves_what_is_not_an_entity_as_written() {
        assertThat(WooCommerceText.decode("R&D &unknown; &#0; 5 & 6")).isEqualTo("R&D &unknown; &#0; 5 & 6");
        assertThat(WooCommerceText.decode(null)).isNull();
    }
}
