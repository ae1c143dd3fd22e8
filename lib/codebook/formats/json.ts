/**
 * JSON: the full model, lossless.
 *
 *   { "format": "concord-codebook", "version": 1, "id"?, "name", "description"?,
 *     "aspects": [...], "ratingScales": [...] }
 *
 * The body is the model of model.ts in its canonical form (`canonicalCodebook`). On import,
 * unknown properties are refused (they are usually typos), `definition`, `include`,
 * `exclude`, `examples` and `ratingScales` may be left out, and every problem names the line
 * and column of the offending value together with its path.
 */
import { z } from 'zod';
import { problem } from '@/lib/files/problems';
import { decodeText } from '@/lib/files/text';
import { canonicalCodebook, type Codebook } from '../model';
import type { CodebookProblem, ImportResult, ProblemTarget } from '../problems';
import { validateCodebook } from '../validate';
import { jsonPositions, lineAndColumn, locate } from './json-position';

export const JSON_FORMAT = 'concord-codebook';
export const JSON_VERSION = 1;

const text = z.strictObject({ en: z.string(), nl: z.string() });
const optionalText = text.optional();

const behaviourSchema = z.strictObject({
  key: z.string(),
  code: z.string(),
  label: text,
  polarity: z.enum(['positive', 'negative']),
  definition: optionalText,
  include: optionalText,
  exclude: optionalText,
  examples: z.array(text).optional(),
  shortcut: z.string().optional(),
});

const groupSchema = z.strictObject({
  key: z.string(),
  source: z.enum(['literature', 'instrument']),
  instrument: z.string().optional(),
  dimension: z.string().optional(),
  label: text,
  behaviours: z.array(behaviourSchema),
});

const scaleSchema = z.strictObject({
  key: z.string(),
  label: text,
  min: z.number().int(),
  max: z.number().int(),
  anchors: z.array(z.strictObject({ value: z.number().int(), text })),
  dimension: z.string().optional(),
});

const fileSchema = z.strictObject({
  format: z.literal(JSON_FORMAT),
  version: z.literal(JSON_VERSION),
  id: z.string().optional(),
  name: z.string(),
  description: z.string().optional(),
  aspects: z.array(z.strictObject({ key: z.string(), label: text, groups: z.array(groupSchema) })),
  ratingScales: z.array(scaleSchema).optional(),
});

export function exportJson(cb: Codebook): Uint8Array {
  const body = { format: JSON_FORMAT, version: JSON_VERSION, ...canonicalCodebook(cb) };
  return new TextEncoder().encode(JSON.stringify(body, null, 2) + '\n');
}

export function importJson(bytes: Uint8Array, fileName: string): ImportResult<Codebook> {
  const decoded = decodeText(bytes, fileName, 'JSON');
  if (!decoded.ok) return decoded;
  const src = decoded.text;
  const at = (offset: number | undefined) => (offset === undefined ? { file: fileName } : { file: fileName, ...lineAndColumn(src, offset) });

  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message)?.[1];
    const offset = pos === undefined ? src.length : Number(pos);
    return { ok: false, problems: [problem('invalid-json', `This is not valid JSON: ${message}`, at(offset))] };
  }
  const header = data as { format?: unknown; version?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.format !== JSON_FORMAT) {
    return { ok: false, problems: [problem('not-concord-json', `This JSON is not a Concord codebook (it needs "format": "${JSON_FORMAT}").`, at(0))] };
  }
  if (header.version !== JSON_VERSION) {
    const message = `Codebook file version ${JSON.stringify(header.version)} is not supported; this Concord reads version ${JSON_VERSION}.`;
    return { ok: false, problems: [problem('unsupported-version', message, at(0))] };
  }

  const parsed = fileSchema.safeParse(data);
  let positions: Map<string, number> | undefined;
  const where = (path: string) => at(locate((positions ??= jsonPositions(src)), path));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      return problem('invalid-structure', `${path || '(top level)'}: ${issue.message}`, where(path));
    });
    return { ok: false, problems };
  }

  const { format: _f, version: _v, ...body } = parsed.data;
  const empty = { en: '', nl: '' };
  const codebook = canonicalCodebook({
    ...body,
    aspects: body.aspects.map((a) => ({
      ...a,
      groups: a.groups.map((g) => ({
        ...g,
        behaviours: g.behaviours.map((b) => ({
          ...b,
          definition: b.definition ?? empty,
          include: b.include ?? empty,
          exclude: b.exclude ?? empty,
          examples: b.examples ?? [],
        })),
      })),
    })),
    ratingScales: body.ratingScales ?? [],
  });
  const problems: CodebookProblem[] = validateCodebook(codebook).map((p) => {
    const path = modelPath(codebook, p.target);
    return { ...p, message: path ? `${path}: ${p.message}` : p.message, ...where(path) };
  });
  return problems.length ? { ok: false, problems } : { ok: true, codebook };
}

/** JSON path of a problem target, e.g. `aspects.0.groups.2.behaviours.1.code`. */
export function modelPath(cb: Codebook, target: ProblemTarget | undefined): string {
  if (!target) return '';
  const parts: string[] = [];
  if (target.scaleKey) parts.push(`ratingScales.${cb.ratingScales.findIndex((s) => s.key === target.scaleKey)}`);
  const ai = cb.aspects.findIndex((a) => a.key === target.aspectKey);
  const aspect = cb.aspects[ai];
  if (aspect) {
    parts.push(`aspects.${ai}`);
    const gi = aspect.groups.findIndex((g) => g.key === target.groupKey);
    const group = aspect.groups[gi];
    if (group) {
      parts.push(`groups.${gi}`);
      const bi = group.behaviours.findIndex((b) => b.key === target.behaviourKey);
      if (bi >= 0) parts.push(`behaviours.${bi}`);
    }
  }
  if (target.field) parts.push(target.field);
  return parts.join('.');
}
