import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, parseXml, textContent, type XmlElement } from '@/lib/codebook/formats/xml';

function root(xml: string): XmlElement {
  const r = parseXml(xml);
  if (!r.ok) expect.fail(JSON.stringify(r.error));
  return r.root;
}

function error(xml: string) {
  const r = parseXml(xml);
  expect(r.ok).toBe(false);
  return r.ok ? undefined : r.error;
}

describe('XML reader', () => {
  it('decodes the five XML entities and character references, and nothing else', () => {
    const el = root('<a t="&lt;b&gt; &amp;amp; &quot;q&quot; &apos;s&apos; &#233;&#x263A;">x &lt;i&gt; &amp;nbsp;</a>');
    expect(el.attrs[0]?.value).toBe(`<b> &amp; "q" 's' é☺`);
    expect(textContent(el)).toBe('x <i> &nbsp;');
  });

  it('normalises line ends and attribute whitespace as XML requires, keeping referenced ones', () => {
    const el = root('<a t="one\r\ntwo\tthree" u="one&#10;two&#13;&#9;">l1\r\nl2\rl3</a>');
    expect(el.attrs.map((a) => a.value)).toEqual(['one two three', 'one\ntwo\r\t']);
    expect(textContent(el)).toBe('l1\nl2\nl3');
  });

  it('resolves namespaces, default and prefixed', () => {
    const el = root('<r xmlns="urn:a" xmlns:b="urn:b"><b:x b:y="1" z="2"/><c/></r>');
    const [x, c] = el.children as XmlElement[];
    expect([el.ns, x?.ns, x?.local, c?.ns]).toEqual(['urn:a', 'urn:b', 'x', 'urn:a']);
    expect(x?.attrs.map((a) => [a.local, a.ns])).toEqual([['y', 'urn:b'], ['z', '']]);
  });

  it('gives line and column of elements and attributes', () => {
    const el = root('<?xml version="1.0"?>\n<r>\n  <c  a="1"/>\n</r>');
    const c = el.children.find((n) => n.kind === 'element') as XmlElement;
    expect([el.line, el.column, c.line, c.column, c.attrs[0]?.line, c.attrs[0]?.column]).toEqual([2, 1, 3, 3, 3, 7]);
  });

  it.each([
    ['<a>&foo;</a>', /Unknown entity "&foo;"/, 1, 4],
    ['<a>fish & chips</a>', /"&" must be written as "&amp;"/, 1, 9],
    ['<a b="1" b="2"/>', /Attribute b appears twice/, 1, 10],
    ['<a b=1/>', /must be in quotes/, 1, 6],
    ['<a><b></a>', /Expected <\/b>/, 1, 7],
    ['<a/><b/>', /Only one root element/, 1, 5],
    ['<a>', /never closed/, 1, 1],
    ['text', /Text outside the root/, 1, 1],
    ['<a>\n<x:b/></a>', /prefix "x" is not declared/, 2, 2],
    ['<a>&#0;</a>', /not a valid character reference/, 1, 4],
    ['<a>\u0001</a>', /U\+0001 is not allowed/, 1, 4],
    ['<a><!-- a -- b --></a>', /"--" is not allowed/, 1, 4],
    ['<a/>\n<?xml version="1.0"?>', /declaration must come first/, 2, 1],
  ])('refuses %j with line and column', (xml, message, line, column) => {
    const e = error(xml);
    expect(e?.message).toMatch(message);
    expect([e?.line, e?.column]).toEqual([line, column]);
  });

  it('escapes text and attributes so they read back unchanged', () => {
    const tricky = `<b>x</b> & "y" 'z'\r\n\ttab &amp; &nbsp;`;
    const el = root(`<a v="${escapeAttr(tricky)}">${escapeText(tricky)}</a>`);
    expect(el.attrs[0]?.value).toBe(tricky);
    expect(textContent(el)).toBe(tricky);
  });
});
