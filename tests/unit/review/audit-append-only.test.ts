/*
 * The audit log is append-only by construction: the only code that touches its table is
 * lib/audit/audit.ts, which inserts and selects and exports nothing else; no route, action
 * or command line code reaches the table. (tests/integration/review.test.ts tries every
 * HTTP method against the running server.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const code = ['lib', 'app', 'server', 'bin'].filter((d) => fs.existsSync(path.join(root, d))).flatMap(sources);
const SCHEMA = /^lib\/db\/schema\.(sqlite|pg)\.ts$/;

describe('the audit log is append-only', () => {
  it('only lib/audit/audit.ts names the audit table', () => {
    const touching = code.filter((f) => !SCHEMA.test(f) && /auditEvents|audit_events/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(touching).toEqual(['lib/audit/audit.ts']);
  });

  it('and it only inserts into and selects from it', () => {
    const text = fs.readFileSync(path.join(root, 'lib/audit/audit.ts'), 'utf8');
    expect(text).toMatch(/\.insert\(t\.auditEvents\)/);
    expect(text).not.toMatch(/\.(update|delete)\(\s*t\.auditEvents/);
    expect(text).not.toMatch(/\b(UPDATE|DELETE\s+FROM|TRUNCATE|DROP)\b/i);
    expect(text).not.toMatch(/onConflictDo(Update|Nothing)/);
  });

  it('offers a function to add and one to list events, none to change or delete one', async () => {
    const audit = await import('@/lib/audit/audit');
    expect(Object.keys(audit).sort()).toEqual(['AUDIT_KINDS', 'AUDIT_PAGE_SIZE', 'isAuditKind', 'listAudit', 'recordAudit']);
  });

  it('no migration adds a trigger or rule that rewrites it, and the audit page has no route, action or posting form', () => {
    const sql = ['drizzle/sqlite', 'drizzle/pg'].flatMap((d) => fs.readdirSync(path.join(root, d)).filter((f) => f.endsWith('.sql')).map((f) => fs.readFileSync(path.join(root, d, f), 'utf8')));
    for (const text of sql) expect(text).not.toMatch(/(UPDATE|DELETE FROM)\s+["`]?audit_events/i);
    const auditDir = 'app/projects/[projectId]/audit';
    expect(fs.readdirSync(path.join(root, auditDir))).toEqual(['page.tsx']);
    const page = fs.readFileSync(path.join(root, auditDir, 'page.tsx'), 'utf8');
    expect(page).not.toMatch(/action=|'use server'|method="post"/i);
    // Its one form filters the list by a GET query.
    for (const form of page.match(/<form[^>]*>/g) ?? []) expect(form).toMatch(/method="get"/);
  });
});
