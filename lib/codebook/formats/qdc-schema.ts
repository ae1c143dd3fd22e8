/**
 * The REFI-QDA codebook schema (Codebook.xsd, namespace `urn:QDA-XML:codebook:1.0`, published
 * by the Rotterdam Exchange Format Initiative, qdasoftware.org), encoded as rules, since the
 * XSD cannot be fetched at run time. Every violation is reported with its XML line and column.
 *
 *   CodeBook  (root; attribute origin?)         sequence: Codes, Sets?
 *   Codes                                         sequence: Code+
 *   Code      (guid, name, isCodable; color?)     sequence: Description?, Code*
 *   Sets                                          sequence: Set+
 *   Set       (guid, name)                        sequence: Description?, MemberCode*
 *   MemberCode (guid)                             empty
 *   Description                                   text (xsd:string)
 *   GUIDType  8-4-4-4-12 hex digits, optionally in braces
 *   RGBType   #RGB or #RRGGBB
 *   isCodable xsd:boolean: true, false, 1 or 0
 *
 * Namespace declarations and xsi:* attributes (schemaLocation) are allowed everywhere, as for
 * any schema-validated document. Beyond the XSD (which declares no keys), GUIDs must be unique
 * and a MemberCode must name a Code of the file: without that, the file cannot be mapped.
 */
import { problem, sortProblems, type Problem } from '@/lib/files/problems';
import { attrValue, childElements, type XmlElement } from './xml';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

type AttrType = 'string' | 'guid' | 'boolean' | 'rgb';
interface ElementRule {
  attrs: Record<string, AttrType>;
  required: string[];
  /** Content model: a sequence of [element, minOccurs, maxOccurs]; `null` = text only. */
  sequence: [string, number, number][] | null;
}

const MANY = Number.POSITIVE_INFINITY;
const RULES: Record<string, ElementRule> = {
  CodeBook: { attrs: { origin: 'string' }, required: [], sequence: [['Codes', 1, 1], ['Sets', 0, 1]] },
  Codes: { attrs: {}, required: [], sequence: [['Code', 1, MANY]] },
  Code: {
    attrs: { guid: 'guid', name: 'string', isCodable: 'boolean', color: 'rgb' },
    required: ['guid', 'name', 'isCodable'],
    sequence: [['Description', 0, 1], ['Code', 0, MANY]],
  },
  Sets: { attrs: {}, required: [], sequence: [['Set', 1, MANY]] },
  Set: { attrs: { guid: 'guid', name: 'string' }, required: ['guid', 'name'], sequence: [['Description', 0, 1], ['MemberCode', 0, MANY]] },
  MemberCode: { attrs: { guid: 'guid' }, required: ['guid'], sequence: [] },
  Description: { attrs: {}, required: [], sequence: null },
};

const GUID_RE = /^(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const RGB_RE = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;
const BOOLEAN_RE = /^(true|false|1|0)$/;

/** xsd:token / xsd:boolean values are whitespace-collapsed before their pattern applies. */
const collapse = (v: string) => v.replace(/[\t\n\r ]+/g, ' ').trim();

export function checkQdcSchema(root: XmlElement, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (node: { line: number; column: number }) => ({ file, line: node.line, column: node.column });
  const add = (code: string, message: string, node: { line: number; column: number }) => problems.push(problem(code, message, at(node)));

  if (root.local !== 'CodeBook' || root.ns !== QDC_NAMESPACE) {
    const found = root.ns ? `<${root.local}> in namespace "${root.ns}"` : `<${root.local}> without a namespace`;
    add('qdc-root', `The root element must be <CodeBook xmlns="${QDC_NAMESPACE}">; found ${found}.`, root);
    return problems;
  }

  const guids = new Map<string, XmlElement>();
  const memberRefs: XmlElement[] = [];
  const visit = (el: XmlElement) => {
    const rule = RULES[el.local];
    if (!rule || el.ns !== QDC_NAMESPACE) {
      add('qdc-unexpected-element', `Element <${el.name}> is not part of the REFI-QDA codebook schema.`, el);
      return;
    }
    for (const a of el.attrs) {
      if (a.ns === XMLNS || a.ns === XSI) continue;
      const type = a.ns === '' ? rule.attrs[a.local] : undefined;
      if (!type) add('qdc-unknown-attribute', `Attribute ${a.name} is not allowed on <${el.local}>.`, a);
      else checkValue(type, a.value, `${a.local} of <${el.local}>`, a);
    }
    for (const name of rule.required)
      if (attrValue(el, name) === undefined) add('qdc-missing-attribute', `<${el.local}> needs a ${name} attribute.`, el);

    if (el.local === 'Code' || el.local === 'Set') {
      const guid = attrValue(el, 'guid');
      const norm = guid && GUID_RE.test(collapse(guid)) ? collapse(guid).replace(/[{}]/g, '').toLowerCase() : undefined;
      if (norm) {
        const first = guids.get(norm);
        if (first) add('qdc-duplicate-guid', `GUID ${guid} is also used on line ${first.line}.`, el);
        else guids.set(norm, el);
      }
    }
    if (el.local === 'MemberCode') memberRefs.push(el);

    if (rule.sequence === null) {
      const child = childElements(el)[0];
      if (child) add('qdc-unexpected-element', `<${el.local}> holds text only; <${child.name}> is not allowed inside it.`, child);
      return;
    }
    for (const c of el.children)
      if (c.kind === 'text' && c.text.trim()) add('qdc-text-not-allowed', `Text is not allowed directly inside <${el.local}>.`, c);
    checkSequence(el, rule.sequence);
    for (const child of childElements(el)) visit(child);
  };

  const checkValue = (type: AttrType, value: string, what: string, node: { line: number; column: number }) => {
    const v = collapse(value);
    if (type === 'guid' && !GUID_RE.test(v)) add('qdc-bad-guid', `The ${what} must be a GUID like 3F2504E0-4F89-41D3-9A0C-0305E82C3301; found "${value}".`, node);
    if (type === 'boolean' && !BOOLEAN_RE.test(v)) add('qdc-bad-boolean', `The ${what} must be true or false; found "${value}".`, node);
    if (type === 'rgb' && !RGB_RE.test(v)) add('qdc-bad-color', `The ${what} must be a colour like #FF0000; found "${value}".`, node);
  };

  const checkSequence = (el: XmlElement, sequence: [string, number, number][]) => {
    let p = 0;
    let count = 0;
    const expected = () => sequence.slice(p).map(([n]) => `<${n}>`).join(' or ') || 'nothing more';
    for (const child of childElements(el)) {
      if (child.ns !== QDC_NAMESPACE || !RULES[child.local]) continue; // reported by visit()
      while (p < sequence.length && sequence[p]?.[0] !== child.local) {
        const [name, min] = sequence[p] as [string, number, number];
        if (count < min) add('qdc-missing-element', `<${el.local}> needs <${name}> before <${child.local}>.`, child);
        p++;
        count = 0;
      }
      const particle = sequence[p];
      if (!particle) {
        add('qdc-unexpected-element', `<${child.local}> is not allowed here inside <${el.local}> (expected ${expectedAll(el, sequence)}).`, child);
        continue;
      }
      count++;
      if (count > particle[2]) add('qdc-unexpected-element', `<${el.local}> may hold only one <${particle[0]}>.`, child);
    }
    for (; p < sequence.length; p++, count = 0) {
      const [name, min] = sequence[p] as [string, number, number];
      if (count < min) add('qdc-missing-element', `<${el.local}> needs at least one <${name}> (expected ${expected()}).`, el);
    }
  };

  visit(root);
  for (const ref of memberRefs) {
    const guid = attrValue(ref, 'guid');
    const norm = guid ? collapse(guid).replace(/[{}]/g, '').toLowerCase() : '';
    const target = guids.get(norm);
    if (guid && GUID_RE.test(collapse(guid)) && (!target || target.local !== 'Code'))
      add('qdc-unknown-member', `MemberCode ${guid} does not name a Code of this codebook.`, ref);
  }
  return sortProblems(problems);
}

function expectedAll(el: XmlElement, sequence: [string, number, number][]): string {
  return sequence.length ? `only ${sequence.map(([n]) => `<${n}>`).join(', ')} in that order` : `no child elements in <${el.local}>`;
}

export function normalizeGuid(value: string): string {
  return collapse(value).replace(/[{}]/g, '').toLowerCase();
}
