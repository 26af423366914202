package io.genesis.core.gate;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place report files meet an XML parser: Aalto's streaming StAX reader with DTD processing
 * and external entities off. Real JaCoCo and Istanbul reports start with a {@code <!DOCTYPE>} that
 * names an external DTD, so a DOCTYPE itself is allowed; it is never loaded, and {@link XmlCursor}
 * refuses internal subsets and entity references.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = create();

    private SafeXml() {}

    static XMLStreamReader open(InputStream input) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(input);
    }

    private static XMLInputFactory create() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Entity references surface as events, so XmlCursor can refuse them instead of expanding.
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never loaded (asked for " + systemId + ")");
        });
        return factory;
    }
}
