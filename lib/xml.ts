// Characters that XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets): C0 controls other than
// tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF. Even escaped (`&#0;`) they
// make a document ill-formed, and a feed reader then rejects the whole feed for one bad title.
// The content parser refuses them in frontmatter, but outputs must not depend on what the
// database happens to hold, so every XML and text export strips them on the way out.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, "");
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for an XML element or attribute value: invalid characters removed, markup escaped. */
export function escapeXml(text: string): string {
  return stripXmlInvalid(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
