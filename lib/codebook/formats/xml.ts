/**
 * A small, strict XML 1.0 reader and the escaping for writing XML.
 *
 * Why our own: codebook files need exact text (numeric character references decoded, HTML
 * entities such as `&nbsp;` refused rather than guessed), namespaces, and a line and column
 * for every element and attribute so schema problems can point at them.
 *
 * Supported: XML declaration, elements, attributes (with XML's attribute-value
 * normalisation), namespaces (default and prefixed), text, CDATA, comments, processing
 * instructions, the five predefined entities and character references. Refused: DOCTYPE
 * (no entity expansion, no external resources), anything not well-formed. Line ends are
 * normalised to LF as XML requires. The first well-formedness error stops the parse.
 */

export interface XmlAttr {
  name: string;
  local: string;
  /** Namespace URI ('' for unprefixed attributes). */
  ns: string;
  value: string;
  line: number;
  column: number;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  local: string;
  ns: string;
  attrs: XmlAttr[];
  children: XmlNode[];
  line: number;
  column: number;
}

export interface XmlText {
  kind: 'text';
  text: string;
  line: number;
  column: number;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlError {
  message: string;
  line: number;
  column: number;
}

export type XmlParse = { ok: true; root: XmlElement; encoding?: string } | { ok: false; error: XmlError };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const MAX_DEPTH = 200;
const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;
// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class XmlSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function parseXml(input: string): XmlParse {
  const src = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let k = 0; k < src.length; k++) if (src[k] === '\n') lineStarts.push(k + 1);
  const pos = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };

  let i = 0;
  let root: XmlElement | undefined;
  let encoding: string | undefined;
  const stack: { el: XmlElement; scope: Map<string, string>; start: number }[] = [];
  const fail = (message: string, at = i): never => {
    throw new XmlSyntaxError(message, at);
  };
  const expect = (s: string, what: string) => {
    if (!src.startsWith(s, i)) fail(`Expected ${what}.`);
    i += s.length;
  };
  const skipWs = () => {
    const start = i;
    while (i < src.length && ' \t\n'.includes(src[i] as string)) i++;
    return i > start;
  };
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail('Expected a name.');
    i += (m as RegExpExecArray)[0].length;
    return (m as RegExpExecArray)[0];
  };
  const until = (end: string, what: string) => {
    const j = src.indexOf(end, i);
    if (j < 0) fail(`${what} is not closed with "${end}".`);
    const body = src.slice(i, j);
    i = j + end.length;
    return body;
  };
  const addText = (text: string, at: number) => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (text.trim()) fail('Text outside the root element.', at);
      return;
    }
    const last = top.el.children[top.el.children.length - 1];
    if (last?.kind === 'text') last.text += text;
    else top.el.children.push({ kind: 'text', text, ...pos(at) });
  };

  try {
    const bad = BAD_CHAR.exec(src);
    if (bad) fail(`Character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML.`, bad.index);
    if (src.startsWith('<?xml') && /\s/.test(src[5] ?? '')) {
      i = 5;
      const decl = until('?>', 'The XML declaration');
      encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(decl)?.[1];
    }
    while (i < src.length) {
      const start = i;
      if (src[i] !== '<') {
        const j = src.indexOf('<', i);
        const raw = src.slice(i, j < 0 ? src.length : j);
        if (raw.includes(']]>')) fail('"]]>" is not allowed in text.', i + raw.indexOf(']]>'));
        addText(decode(raw, i, false, fail), start);
        i = j < 0 ? src.length : j;
      } else if (src.startsWith('<!--', i)) {
        i += 4;
        if (until('-->', 'A comment').includes('--')) fail('"--" is not allowed inside a comment.', start);
      } else if (src.startsWith('<![CDATA[', i)) {
        if (!stack.length) fail('CDATA outside the root element.');
        i += 9;
        addText(until(']]>', 'A CDATA section'), start);
      } else if (src.startsWith('<!DOCTYPE', i) || src.startsWith('<!', i)) {
        fail('DOCTYPE (and other "<!" declarations) are not allowed in codebook files.');
      } else if (src.startsWith('<?', i)) {
        i += 2;
        const target = name();
        if (target.toLowerCase() === 'xml') fail('The XML declaration must come first in the file.', start);
        until('?>', 'A processing instruction');
      } else if (src.startsWith('</', i)) {
        i += 2;
        const tag = name();
        skipWs();
        expect('>', '">" to end the closing tag');
        const top = stack.pop();
        if (!top) fail(`Closing tag </${tag}> has no opening tag.`, start);
        else if (top.el.name !== tag) {
          const { line, column } = pos(top.start);
          fail(`Expected </${top.el.name}> (opened on line ${line}, column ${column}), found </${tag}>.`, start);
        }
      } else {
        if (root && !stack.length) fail('Only one root element is allowed.');
        if (stack.length >= MAX_DEPTH) fail(`Elements are nested more than ${MAX_DEPTH} deep.`);
        i++;
        const tag = name();
        const raw: { name: string; value: string; at: number }[] = [];
        const seen = new Set<string>();
        for (;;) {
          const spaced = skipWs();
          if (src.startsWith('/>', i) || src[i] === '>') break;
          if (!spaced) fail('Expected whitespace before the attribute.');
          const at = i;
          const attr = name();
          skipWs();
          expect('=', `"=" after attribute ${attr}`);
          skipWs();
          const quote = src[i];
          if (quote !== '"' && quote !== "'") fail(`The value of attribute ${attr} must be in quotes.`);
          i++;
          const valueStart = i;
          const value = until(quote as string, `The value of attribute ${attr}`);
          if (value.includes('<')) fail(`"<" is not allowed in the value of attribute ${attr}.`, valueStart + value.indexOf('<'));
          if (seen.has(attr)) fail(`Attribute ${attr} appears twice.`, at);
          seen.add(attr);
          raw.push({ name: attr, value: decode(value, valueStart, true, fail), at });
        }
        const selfClosing = src.startsWith('/>', i);
        i += selfClosing ? 2 : 1;

        const parentScope = stack[stack.length - 1]?.scope ?? new Map([['xml', XML_NS]]);
        const scope = new Map(parentScope);
        for (const a of raw) {
          if (a.name === 'xmlns') scope.set('', a.value);
          else if (a.name.startsWith('xmlns:')) scope.set(a.name.slice(6), a.value);
        }
        const resolve = (qname: string, at: number, isAttr: boolean) => {
          const colon = qname.indexOf(':');
          const prefix = colon < 0 ? '' : qname.slice(0, colon);
          const local = colon < 0 ? qname : qname.slice(colon + 1);
          if (isAttr && !prefix) return { local, ns: '' };
          const ns = prefix ? scope.get(prefix) : (scope.get('') ?? '');
          if (ns === undefined) fail(`Namespace prefix "${prefix}" is not declared.`, at);
          return { local, ns: ns ?? '' };
        };
        const el: XmlElement = { kind: 'element', name: tag, ...resolve(tag, start + 1, false), attrs: [], children: [], ...pos(start) };
        for (const a of raw) {
          const isNsDecl = a.name === 'xmlns' || a.name.startsWith('xmlns:');
          const { local, ns } = isNsDecl ? { local: a.name, ns: 'http://www.w3.org/2000/xmlns/' } : resolve(a.name, a.at, true);
          el.attrs.push({ name: a.name, local, ns, value: a.value, ...pos(a.at) });
        }
        const parent = stack[stack.length - 1];
        if (parent) parent.el.children.push(el);
        else root = el;
        if (!selfClosing) stack.push({ el, scope, start });
      }
    }
    const open = stack[stack.length - 1];
    if (open) fail(`Element <${open.el.name}> is never closed.`, open.start);
    if (!root) fail('The file has no root element.', 0);
    return { ok: true, root: root as XmlElement, ...(encoding ? { encoding } : {}) };
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    return { ok: false, error: { message: e.message, ...pos(e.offset) } };
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves entity and character references; `attr` applies attribute-value normalisation. */
function decode(raw: string, offset: number, attr: boolean, fail: (m: string, at: number) => never): string {
  const normalised = attr ? raw.replace(/[\t\n]/g, ' ') : raw;
  return normalised.replace(/&([^;&]*)(;?)/g, (whole, ref: string, semi: string, at: number) => {
    if (!semi || /\s/.test(ref)) fail('"&" must be written as "&amp;".', offset + at);
    if (ref.startsWith('#')) {
      const hex = ref.startsWith('#x');
      const digits = ref.slice(hex ? 2 : 1);
      const cp = /^[0-9a-fA-F]+$/.test(digits) && (hex || /^\d+$/.test(digits)) ? parseInt(digits, hex ? 16 : 10) : NaN;
      const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
      if (!ok) fail(`"${whole}" is not a valid character reference.`, offset + at);
      return String.fromCodePoint(cp);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) fail(`Unknown entity "&${ref};" (only &lt; &gt; &amp; &quot; &apos; and character references are allowed).`, offset + at);
    return value as string;
  });
}

/** Escapes text content. `\r` is written as a reference so it survives line-end normalisation. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value; tabs and line breaks as references so they survive normalisation. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function attrValue(el: XmlElement, local: string): string | undefined {
  return el.attrs.find((a) => a.local === local && a.ns === '')?.value;
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element');
}

export function textContent(el: XmlElement): string {
  return el.children.map((c) => (c.kind === 'text' ? c.text : textContent(c))).join('');
}
