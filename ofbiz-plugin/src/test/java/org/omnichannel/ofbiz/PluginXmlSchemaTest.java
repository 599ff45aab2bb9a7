package org.omnichannel.ofbiz;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every XML file of the component that names an OFBiz schema is valid against OFBiz's own XSD,
 * resolved offline through the catalog of ../shared/ofbiz/xsd.
 */
class PluginXmlSchemaTest {

    @TestFactory
    Stream<DynamicTest> every_plugin_xml_file_is_valid_against_its_ofbiz_schema() throws IOException {
        List<Path> files = pluginXmlFiles();
        assertThat(files).as("XML files under " + OfbizFacts.component()).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(
                OfbizFacts.component().relativize(file).toString(), () -> validate(file)));
    }

    @Test
    void the_validator_rejects_an_element_ofbiz_does_not_know() throws IOException {
        Path bad = Files.createTempFile("ofbiz-component", ".xml");
        Files.writeString(bad, """
                <ofbiz-component name="x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:noNamespaceSchemaLocation="https://ofbiz.apache.org/dtds/ofbiz-component.xsd">
                  <resource-loader name="main" type="component"/>
                  <plugin-magic/>
                </ofbiz-component>
                """);
        try {
            assertThatThrownBy(() -> validate(bad)).hasMessageContaining("plugin-magic");
        } finally {
            Files.delete(bad);
        }
    }

    static List<Path> pluginXmlFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(OfbizFacts.component())) {
            return walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    static void validate(Path file) throws Exception {
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(file.toFile())
                .getDocumentElement();
        String location = root.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "noNamespaceSchemaLocation");
        String namespaced = root.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "schemaLocation");
        if (location.isEmpty() && !namespaced.isBlank() && !"web-app".equals(root.getLocalName())) {
            // Widgets and site-conf name "namespace location" pairs; OFBiz's files name one pair.
            String[] pair = namespaced.trim().split("\\s+");
            if (pair.length != 2) {
                throw new AssertionError(file + ": xsi:schemaLocation must be one 'namespace location' pair");
            }
            location = pair[1];
        }
        if (location.isEmpty()) {
            // Data files (<entity-engine-xml>) have no schema in OFBiz; they are checked against entities.json.
            assertThat(root.getLocalName()).as(file + " names no schema").isIn("entity-engine-xml", "web-app");
            return;
        }
        CatalogResolver resolver = CatalogManager.catalogResolver(
                CatalogFeatures.builder().with(CatalogFeatures.Feature.RESOLVE, "strict").build(),
                OfbizFacts.xsdCatalog().toUri());
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(resolver);
        Schema schema = factory.newSchema(resolver.resolve(location, null));
        Validator validator = schema.newValidator();
        validator.setResourceResolver(resolver);
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        validator.validate(new StreamSource(file.toFile()));
        if (!errors.isEmpty()) {
            throw new AssertionError(file.getFileName() + " breaks " + location + ":\n" + String.join("\n", errors));
        }
    }
}
