/*
 * The reconciliation board's shared Yjs document. Every shared type is top-level or keyed
 * per user, so two people acting at once never overwrite each other (a nested type created
 * lazily in a map loses one writer's edits — see docs/architecture.md):
 *
 *   proposals      Y.Map  "<cell>|<userId>" → { value, at }   each coder's signed mark
 *   reopened       Y.Map  "<cell>"          → { by, at }      agreed cells taken up again
 *   unclear        Y.Map  "<cell>|<userId>" → true            "definition unclear" flags
 *   ratings        Y.Map  "<scale>|<userId>" → value          settled global ratings
 *   signoffs       Y.Map  "<userId>"        → at              ready to finalize
 *   history        Y.Array of HistoryEntry                    every change of a cell
 *   comments:<cell>  Y.Array of Comment
 *   rationale:<cell> Y.XmlFragment (Tiptap)
 *
 * A cell key is "<behaviourKey>@<interval>" (lib/tally/model.ts cellKey).
 */
import * as Y from 'yjs';
import type { Mark } from '@/lib/tally/model';

export interface Proposal {
  value: Mark;
  at: number;
}

export interface HistoryEntry {
  cell: string;
  userId: string;
  name: string;
  action: 'propose' | 'withdraw' | 'reopen' | 'flag' | 'unflag' | 'comment' | 'rate';
  value?: number | null;
  at: number;
}

export interface Comment {
  id: string;
  userId: string;
  name: string;
  text: string;
  at: number;
}

export const MAX_COMMENT_LENGTH = 1000;

export class BoardDoc {
  constructor(readonly doc: Y.Doc) {}

  get proposals() {
    return this.doc.getMap<Proposal>('proposals');
  }
  get reopenedCells() {
    return this.doc.getMap<{ by: string; at: number }>('reopened');
  }
  get unclearFlags() {
    return this.doc.getMap<boolean>('unclear');
  }
  get ratingValues() {
    return this.doc.getMap<number | null>('ratings');
  }
  get signoffs() {
    return this.doc.getMap<number>('signoffs');
  }
  get history() {
    return this.doc.getArray<HistoryEntry>('history');
  }
  comments(cell: string) {
    return this.doc.getArray<Comment>(`comments:${cell}`);
  }
  rationale(cell: string) {
    return this.doc.getXmlFragment(`rationale:${cell}`);
  }

  proposal(cell: string, userId: string): Proposal | undefined {
    return this.proposals.get(`${cell}|${userId}`);
  }

  /** Signing a mark for a cell; any change withdraws every sign-off to finalize. */
  propose(cell: string, user: { id: string; name: string }, value: Mark | null): void {
    this.doc.transact(() => {
      if (value === null) this.proposals.delete(`${cell}|${user.id}`);
      else this.proposals.set(`${cell}|${user.id}`, { value, at: Date.now() });
      this.signoffs.clear();
      this.log({ cell, userId: user.id, name: user.name, action: value === null ? 'withdraw' : 'propose', value });
    });
  }

  reopen(cell: string, user: { id: string; name: string }): void {
    this.doc.transact(() => {
      this.reopenedCells.set(cell, { by: user.id, at: Date.now() });
      this.signoffs.clear();
      this.log({ cell, userId: user.id, name: user.name, action: 'reopen' });
    });
  }

  isUnclear(cell: string, userId: string): boolean {
    return this.unclearFlags.get(`${cell}|${userId}`) === true;
  }

  setUnclear(cell: string, user: { id: string; name: string }, on: boolean): void {
    this.doc.transact(() => {
      if (on) this.unclearFlags.set(`${cell}|${user.id}`, true);
      else this.unclearFlags.delete(`${cell}|${user.id}`);
      this.log({ cell, userId: user.id, name: user.name, action: on ? 'flag' : 'unflag' });
    });
  }

  addComment(cell: string, user: { id: string; name: string }, text: string): void {
    const trimmed = text.trim().slice(0, MAX_COMMENT_LENGTH);
    if (!trimmed) return;
    this.doc.transact(() => {
      this.comments(cell).push([{ id: `${user.id}-${Date.now()}`, userId: user.id, name: user.name, text: trimmed, at: Date.now() }]);
      this.log({ cell, userId: user.id, name: user.name, action: 'comment' });
    });
  }

  rate(scaleKey: string, user: { id: string; name: string }, value: number | null): void {
    this.doc.transact(() => {
      this.ratingValues.set(`${scaleKey}|${user.id}`, value);
      this.signoffs.clear();
      this.log({ cell: `rating:${scaleKey}`, userId: user.id, name: user.name, action: 'rate', value });
    });
  }

  signOff(userId: string, on: boolean): void {
    if (on) this.signoffs.set(userId, Date.now());
    else this.signoffs.delete(userId);
  }

  cellHistory(cell: string): HistoryEntry[] {
    return this.history.toArray().filter((h) => h.cell === cell);
  }

  private log(entry: Omit<HistoryEntry, 'at'>): void {
    this.history.push([{ ...entry, at: Date.now() }]);
  }
}

/** Plain text of a rationale fragment (paragraphs separated by blank lines), for reports. */
export function rationaleText(fragment: Y.XmlFragment): string {
  const parts: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment, out: string[]) => {
    if (node instanceof Y.XmlText) out.push((node.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
    else node.toArray().forEach((child) => walk(child as Y.XmlElement | Y.XmlText, out));
  };
  for (const block of fragment.toArray()) {
    const out: string[] = [];
    walk(block as Y.XmlElement, out);
    parts.push(out.join(''));
  }
  return parts.join('\n\n').trim();
}
