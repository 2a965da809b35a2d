package org.sysmontriage.ingest.xml;

import javax.xml.stream.XMLInputFactory;

/**
 * A StAX factory that cannot be turned against us: no DTD, no external entities, no entity
 * replacement (a custom entity reference becomes an error; {@code &amp;} and the other predefined
 * entities and character references still decode), plus the JDK's own depth and attribute limits. (The JDK's entity size limits
 * also count {@code &amp;}, so they stay at their defaults: without a DTD no entity can expand.)
 */
final class SecureXmlInput {
  private SecureXmlInput() {}

  static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_VALIDATING, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    jdkLimit(f, "jdk.xml.maxElementDepth", Integer.toString(XmlLimits.MAX_DEPTH + 1));
    jdkLimit(f, "jdk.xml.elementAttributeLimit", Integer.toString(XmlLimits.MAX_ATTRIBUTES));
    return f;
  }

  /** Our own checks in {@link EventXmlParser} hold even where the JDK ignores a property. */
  private static void jdkLimit(XMLInputFactory f, String name, String value) {
    try {
      f.setProperty(name, value);
    } catch (IllegalArgumentException unsupported) {
      // another StAX implementation: the parser's explicit checks still apply
    }
  }
}
