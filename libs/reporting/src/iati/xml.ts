/** A tiny XML tree: enough to write IATI documents with every text and attribute escaped in one place. */
export interface XmlElement {
  name: string;
  attributes?: Readonly<Record<string, string | undefined>>;
  children?: readonly (XmlElement | undefined)[];
  text?: string;
}

export const element = (
  name: string,
  attributes: XmlElement['attributes'] = {},
  ...children: (XmlElement | undefined)[]
): XmlElement => ({ name, attributes, children });

export const textElement = (name: string, text: string, attributes: XmlElement['attributes'] = {}): XmlElement => ({
  name,
  attributes,
  text,
});

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF) are dropped. */
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeText(value: string): string {
  return value.replace(forbidden, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and keep tabs and line breaks (which a parser would normalise to spaces). */
export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function renderXml(root: XmlElement): string {
  return `${xmlDeclaration}${render(root, '')}\n`;
}

/** The start tag of an element, without its children: for a document written out child by child. */
export const startTagOf = (node: XmlElement): string => `<${node.name}${attributesOf(node)}>`;

const attributesOf = (node: XmlElement): string =>
  Object.entries(node.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');

export function render(node: XmlElement, indent: string): string {
  const open = `${indent}<${node.name}${attributesOf(node)}`;
  const children = (node.children ?? []).filter((child): child is XmlElement => child !== undefined);
  if (node.text !== undefined) return `${open}>${escapeText(node.text)}</${node.name}>`;
  if (children.length === 0) return `${open}/>`;
  const inner = children.map((child) => render(child, `${indent}  `)).join('\n');
  return `${open}>\n${inner}\n${indent}</${node.name}>`;
}
