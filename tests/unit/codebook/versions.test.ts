import { describe, expect, it } from 'vitest';
import { demoCodebook } from '@/lib/codebook/demo';
import { newKey } from '@/lib/codebook/keys';
import type { Behaviour, Codebook } from '@/lib/codebook/model';
import { checkRemoval, describeDiff, diffCodebooks, lcs, needsNewVersion, planEdit } from '@/lib/codebook/versions';

const group = (cb: Codebook, a: number, g: number) => cb.aspects[a]!.groups[g]!;

function newBehaviour(code: string): Behaviour {
  const t = { en: '', nl: '' };
  return { key: newKey(), code, label: { en: `New ${code}`, nl: '' }, polarity: 'positive', definition: t, include: t, exclude: t, examples: [] };
}

describe('diffCodebooks', () => {
  it('sees no difference between equal versions', () => {
    const diff = diffCodebooks(demoCodebook(), demoCodebook());
    expect(diff.identical).toBe(true);
    expect(describeDiff(diff)).toEqual([]);
  });

  it('keeps identity through a relabel and a recode: a change, not a removal plus an addition', () => {
    const before = demoCodebook();
    const after = demoCodebook();
    const b = group(after, 0, 1).behaviours[0]!;
    b.label.en = 'Shares a joke';
    b.code = 'PI-J';
    const diff = diffCodebooks(before, after);
    expect(diff.behaviours.added).toEqual([]);
    expect(diff.behaviours.removed).toEqual([]);
    expect(diff.behaviours.changed).toEqual([
      {
        key: b.key, code: 'PI-J', label: b.label,
        changes: [
          { field: 'code', before: 'PI-EC1', after: 'PI-J' },
          { field: 'label.en', before: 'Shares a light moment or a joke with the family', after: 'Shares a joke' },
        ],
      },
    ]);
  });

  it('reports definition, polarity, example and shortcut changes', () => {
    const after = demoCodebook();
    const b = group(after, 0, 0).behaviours[0]!;
    b.definition.nl = 'Nieuw';
    b.polarity = 'negative';
    b.examples.push({ en: 'x', nl: '' });
    delete b.shortcut;
    const fields = diffCodebooks(demoCodebook(), after).behaviours.changed[0]?.changes.map((c) => c.field);
    expect(fields).toEqual(['polarity', 'definition.nl', 'examples', 'shortcut']);
  });

  it('reports a move to another group as such, and only the moved behaviour as reordered', () => {
    const after = demoCodebook();
    const lit = group(after, 0, 0).behaviours;
    const ec = group(after, 0, 1).behaviours;
    const moved = ec.shift()!; // PI-EC1 to the literature group
    lit.push(moved);
    ec.push(ec.shift()!); // PI-EC2 from first to last in its group
    const changed = diffCodebooks(demoCodebook(), after).behaviours.changed;
    expect(changed.map((c) => [c.code, c.changes.map((x) => x.field)])).toEqual([
      ['PI-EC1', ['group']],
      ['PI-EC2', ['order']],
    ]);
    expect(changed[0]?.changes[0]).toEqual({ field: 'group', before: group(after, 0, 1).key, after: group(after, 0, 0).key });
  });

  it('reports added and removed behaviours, groups, aspects and rating scales', () => {
    const after = demoCodebook();
    group(after, 1, 0).behaviours.push(newBehaviour('PW-L6'));
    const removedAspect = after.aspects.pop()!;
    after.ratingScales.pop();
    const diff = diffCodebooks(demoCodebook(), after);
    expect(diff.behaviours.added.map((b) => b.code)).toEqual(['PW-L6']);
    expect(diff.behaviours.removed).toHaveLength(17);
    expect(diff.groups.removed).toHaveLength(4);
    expect(diff.aspects.removed.map((a) => a.key)).toEqual([removedAspect.key]);
    expect(diff.ratingScales.removed.map((s) => s.label.en)).toEqual(['Shared sense of purpose']);
    expect(describeDiff(diff)).toContain('Added behaviour PW-L6 "New PW-L6"');
    expect(describeDiff(diff)).toContain('Removed aspect "Multi-directed partiality"');
  });

  it('finds the longest common subsequence', () => {
    expect(lcs(['a', 'b', 'c', 'd'], ['b', 'a', 'c', 'd'])).toHaveLength(3);
    expect(lcs([], ['a'])).toEqual([]);
  });
});

describe('version rules', () => {
  it('edits a version nobody coded against in place, and freezes one in use', () => {
    const after = demoCodebook();
    after.aspects[0]!.label.nl = 'Betrokkenheid';
    const diff = diffCodebooks(demoCodebook(), after);
    expect(needsNewVersion(diff, { versionInUse: false })).toBe(false);
    expect(needsNewVersion(diff, { versionInUse: true })).toBe(true);
    expect(needsNewVersion(diffCodebooks(after, after), { versionInUse: true })).toBe(false);
  });

  it('refuses removing a behaviour that has tallies unless as a new version', () => {
    const before = demoCodebook();
    const after = demoCodebook();
    const [gone] = group(after, 0, 2).behaviours.splice(0, 1);
    const diff = diffCodebooks(before, after);
    const refused = checkRemoval(diff, [gone!.key], { asNewVersion: false });
    expect(refused).toEqual([expect.objectContaining({ code: 'removal-has-tallies', target: { behaviourKey: gone!.key } })]);
    expect(checkRemoval(diff, [gone!.key], { asNewVersion: true })).toEqual([]);
    expect(checkRemoval(diff, [group(after, 0, 0).behaviours[0]!.key], { asNewVersion: false })).toEqual([]);
  });

  it('plans the save: nothing, in place, or a new version (where removal is then allowed)', () => {
    const before = demoCodebook();
    const after = demoCodebook();
    const [gone] = group(after, 0, 2).behaviours.splice(0, 1);
    expect(planEdit(before, demoCodebook(), { versionInUse: true }).action).toBe('none');
    expect(planEdit(before, after, { versionInUse: false }).action).toBe('edit-in-place');
    const plan = planEdit(before, after, { versionInUse: false, talliedBehaviourKeys: [gone!.key] });
    expect(plan.action).toBe('new-version');
    expect(plan.problems).toEqual([]);
  });
});
