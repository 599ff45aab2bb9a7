package org.omnichannel.hub.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnichannel.connector.spi.Connectors;
import org.omnichannel.core.event.ChannelKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelsFileTest {

    private static final Set<String> SYSTEMS = Set.of("generic", "shopify");

    @Test
    void reads_a_channel_with_its_store_settings_and_secret_references() {
        List<ChannelDefinition> channels = ChannelsFile.parse("channels.yaml", """
                channels:
                  - id: shop-eu
                    system: shopify
                    kind: OWN_ECOMMERCE
                    productStoreId: "9000"
                    facilityId: WebStoreWarehouse
                    salesChannel: WEB_SALES_CHANNEL
                    settings:
                      shopDomain: example.myshopify.com
                    secrets:
                      webhookSecret: env:OMNI_CHANNEL_SHOP_EU_SECRET
                  - id: store-sh-1
                    system: generic
                    kind: OFFLINE_DIRECT
                    enabled: false
                """, SYSTEMS);

        assertThat(channels).hasSize(2);
        ChannelDefinition shop = channels.get(0);
        assertThat(shop.id()).isEqualTo("shop-eu");
        assertThat(shop.kind()).isEqualTo(ChannelKind.OWN_ECOMMERCE);
        assertThat(shop.productStoreId()).isEqualTo("9000");
        assertThat(shop.settings()).containsEntry("shopDomain", "example.myshopify.com");
        assertThat(shop.secrets().get("webhookSecret"))
                .isEqualTo(new SecretReference(SecretReference.Source.ENV, "OMNI_CHANNEL_SHOP_EU_SECRET"));
        assertThat(shop.line()).isEqualTo(2);
        assertThat(channels.get(1).enabled()).isFalse();
    }

    @Test
    void names_the_line_and_the_fix_of_every_problem_at_once() {
        assertThatThrownBy(() -> ChannelsFile.parse("channels.yaml", """
                channels:
                  - id: shop-eu
                    system: shopify
                    kind: SHOP
                  - id: Shop_CN
                    system: taobao
                    kind: MARKETPLACE
                    colour: red
                  - id: shop-eu
                    system: generic
                    kind: SOCIAL
                """, SYSTEMS))
                .isInstanceOf(ChannelsFileException.class)
                .hasMessageContaining("line 4: channel 'shop-eu': kind 'SHOP' is not one of OFFLINE_DIRECT, OFFLINE_FRANCHISE, OWN_ECOMMERCE, MARKETPLACE, SOCIAL")
                .hasMessageContaining("line 5: channel 'Shop_CN': id must be lower-case letters, digits and '-'")
                .hasMessageContaining("line 6: channel 'Shop_CN': no connector for system 'taobao'; known systems: ")
                .hasMessageContaining("line 8: unknown key 'colour'")
                .hasMessageContaining("line 9: channel id 'shop-eu' is used twice");
    }

    @Test
    void refuses_a_secret_written_into_the_file_without_echoing_it() {
        assertThatThrownBy(() -> ChannelsFile.parse("channels.yaml", """
                channels:
                  - id: shop-eu
                    system: shopify
                    kind: OWN_ECOMMERCE
                    secrets:
                      webhookSecret: shpss_0123456789abcdef
                """, SYSTEMS))
                .hasMessageContaining("line 6: channel 'shop-eu': secret 'webhookSecret': a secret must be a reference, "
                        + "env:VARIABLE or file:/path/to/secret")
                .hasMessageNotContaining("shpss_0123456789abcdef");
    }

    @Test
    void reports_broken_yaml_with_its_line() {
        assertThatThrownBy(() -> ChannelsFile.parse("channels.yaml", "channels:\n  - id: a\n   system: [generic\n", SYSTEMS))
                .isInstanceOf(ChannelsFileException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ChannelsFile.parse("channels.yaml", "- id: a\n", SYSTEMS))
                .hasMessageContaining("line 1: the file must start with 'channels:'");
    }

    @Test
    void resolves_secrets_from_the_environment_and_files_and_says_what_to_set_when_missing(@TempDir Path dir) throws Exception {
        Path secretFile = dir.resolve("crm.secret");
        Files.writeString(secretFile, "from-a-file\n");
        List<ChannelDefinition> definitions = ChannelsFile.parse("channels.yaml", """
                channels:
                  - id: crm-eu
                    system: generic
                    kind: OWN_ECOMMERCE
                    secrets:
                      webhookSecret: file:%s
                  - id: crm-cn
                    system: generic
                    kind: OWN_ECOMMERCE
                    secrets:
                      webhookSecret: env:OMNI_CHANNEL_CRM_CN_SECRET
                """.formatted(secretFile), Set.of("generic"));

        ChannelRegistry registry = ChannelRegistry.create("channels.yaml", definitions, Connectors.load(),
                Map.of("OMNI_CHANNEL_CRM_CN_SECRET", "from-the-env")::get);
        assertThat(registry.require("crm-eu").context().secrets().require("webhookSecret")).isEqualTo("from-a-file");
        assertThat(registry.require("crm-cn").context().secrets().require("webhookSecret")).isEqualTo("from-the-env");

        assertThatThrownBy(() -> ChannelRegistry.create("channels.yaml", definitions, Connectors.load(), name -> null))
                .isInstanceOf(ChannelsFileException.class)
                .hasMessageContaining("line 7: channel 'crm-cn': secret 'webhookSecret' (env:OMNI_CHANNEL_CRM_CN_SECRET): "
                        + "environment variable OMNI_CHANNEL_CRM_CN_SECRET is not set: export it before starting the hub");
    }
}
