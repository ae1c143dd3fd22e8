'use client';
/*
 * The reconciliation board: both tallies side by side, live with the partner through the
 * realtime server. State: a BoardStore over the shared Y.Doc (lib/reconciliation).
 */
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { fill } from '@/lib/i18n/messages';
import { BoardStore } from '@/lib/reconciliation/board-store';
import { isOpen } from '@/lib/reconciliation/cells';
import { cellKey } from '@/lib/tally/model';
import { BoardGrid, boardCellId, type GridFilter } from './BoardGrid';
import { FocusPanel } from './FocusPanel';
import type { BoardLabels } from './labels';
import { SharedPlayer, type SharedPlayerHandle } from './SharedPlayer';
import { FinalizePanel, Presence, RatingsBoard } from './SidePanels';
import { useBoardConnection } from './useBoardConnection';

export interface BoardRow {
  key: string;
  code: string;
  label: string;
  negative: boolean;
  aspectKey: string;
  aspect: string;
  group: string;
  definition: string;
  include: string;
  exclude: string;
  examples: string[];
}

export interface BoardCoder {
  id: string;
  name: string;
  marked: string[];
  notes: Record<string, string>;
  moments: Record<string, number[]>;
  ratings: Record<string, number | null>;
}

export interface BoardScale {
  key: string;
  label: string;
  min: number;
  max: number;
}

interface Props {
  projectId: string;
  sessionId: string;
  title: string;
  me: { id: string; name: string };
  mode: 'write' | 'read';
  finalized: boolean;
  rows: BoardRow[];
  intervals: { heading: string; start: number }[];
  intervalSeconds: number;
  coders: BoardCoder[];
  scales: BoardScale[];
  agreement: { percent: string; kappa: string };
  labels: BoardLabels;
}

const COLORS = ['#1f5fbf', '#b3261e', '#1e7a3c', '#8a5a00', '#6b3fa0'];

export function BoardWorkspace(props: Props) {
  const { rows, intervals, coders, labels, me } = props;
  const router = useRouter();
  const connection = useBoardConnection(props.projectId, props.sessionId);
  const store = useMemo(
    () => new BoardStore(connection.doc, rows.map((r) => r.key), intervals.length, coders.map((c) => c.id), coders.map((c) => new Set(c.marked))),
    [connection.doc, rows, intervals.length, coders],
  );
  const canWrite = props.mode === 'write' && !props.finalized && connection.state !== 'refused';
  const color = COLORS[Math.abs([...me.id].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7)) % COLORS.length]!;
  const firstOpen = () => store.all().find((c) => isOpen(c.status))?.cell ?? cellKey(rows[0]!.key, 0);
  const [selected, setSelected] = useState(firstOpen);
  const [filter, setFilter] = useState<GridFilter>({ onlyDisagreements: true, onlyOpen: false, aspect: '', interval: null });
  const [focusMode, setFocusMode] = useState(false);
  const player = useRef<SharedPlayerHandle>(null);
  const awareness = connection.provider?.awareness ?? null;

  useEffect(() => {
    awareness?.setLocalStateField('user', { id: me.id, name: me.name, color });
  }, [awareness, me.id, me.name, color]);

  const select = useCallback(
    (cell: string) => {
      setSelected(cell);
      awareness?.setLocalStateField('cell', cell);
    },
    [awareness],
  );

  const openCells = useSyncExternalStore(
    useCallback((fn) => store.subscribe('*', fn), [store]),
    () => store.openCount(),
    () => store.openCount(),
  );
  const disagreements = useMemo(() => store.all().filter((c) => c.marks.some((m) => m !== c.marks[0])), [store]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const open = store.all().filter((c) => isOpen(c.status));
      if (open.length === 0) return;
      const order = store.all().map((c) => c.cell);
      const at = order.indexOf(selected);
      const next = direction === 1 ? (open.find((c) => order.indexOf(c.cell) > at) ?? open[0]!) : ([...open].reverse().find((c) => order.indexOf(c.cell) < at) ?? open.at(-1)!);
      select(next.cell);
      document.getElementById(boardCellId(next.cell))?.focus();
      const view = store.cell(next.cell)!;
      player.current?.seek(intervals[view.interval]!.start);
    },
    [store, selected, select, intervals],
  );

  useEffect(() => {
    if (!focusMode) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]')) return;
      const actions: Record<string, () => void> = {
        n: () => step(1),
        p: () => step(-1),
        '1': () => canWrite && store.board.propose(selected, me, 1),
        '0': () => canWrite && store.board.propose(selected, me, 0),
      };
      const action = actions[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusMode, step, canWrite, store, selected, me]);

  const selectedView = store.cell(selected);
  const selectedRow = rows.find((r) => selected.startsWith(`${r.key}@`))!;
  const describeCell = (cell: string) => {
    const r = rows.find((row) => cell.startsWith(`${row.key}@`));
    const i = Number(cell.slice(cell.lastIndexOf('@') + 1));
    return r ? `${r.code} · ${intervals[i]?.heading ?? ''}` : cell;
  };
  const perInterval = intervals.map((_, i) => disagreements.filter((c) => c.interval === i).length);
  const aspects = [...new Map(rows.map((r) => [r.aspectKey, r.aspect])).entries()];

  const finalize = async (): Promise<string | null> => {
    const res = await fetch(`/api/projects/${props.projectId}/sessions/${props.sessionId}/board/finalize`, { method: 'POST' }).catch(() => null);
    if (!res) return labels.stateOffline;
    if (!res.ok) return ((await res.json().catch(() => ({}))) as { error?: string }).error ?? String(res.status);
    router.refresh();
    return null;
  };

  return (
    <div className="board-page">
      <header className="tally-head">
        <h2>
          {labels.title}: {props.title}
        </h2>
        <p className={`save-state ${connection.state}`} role="status" aria-live="polite" data-state={connection.state}>
          {connection.state === 'connecting' ? labels.stateSaving : labels[`state${connection.state[0]!.toUpperCase()}${connection.state.slice(1)}` as keyof BoardLabels]}
        </p>
      </header>
      <p className="lead">{fill(labels.agreementBefore, props.agreement)}</p>
      {props.finalized && <p className="notice">{labels.finalizedNotice}</p>}
      {!props.finalized && props.mode === 'read' && <p className="notice">{labels.readOnlyNotice}</p>}
      <Presence awareness={awareness} describeCell={describeCell} labels={labels} />
      <fieldset className="board-filters">
        <legend>{labels.filters}</legend>
        <label className="check">
          <input type="checkbox" checked={filter.onlyDisagreements} onChange={(e) => setFilter({ ...filter, onlyDisagreements: e.target.checked })} /> {labels.onlyDisagreements}
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.onlyOpen} onChange={(e) => setFilter({ ...filter, onlyOpen: e.target.checked })} /> {labels.onlyOpen}
        </label>
        <label>
          {labels.aspect}{' '}
          <select value={filter.aspect} onChange={(e) => setFilter({ ...filter, aspect: e.target.value })}>
            <option value="">{labels.allAspects}</option>
            {aspects.map(([key, label]) => (
              <option key={key} value={key}>
                {label} ({disagreements.filter((c) => rows.find((r) => r.key === c.behaviourKey)?.aspectKey === key).length})
              </option>
            ))}
          </select>
        </label>
        <label>
          {labels.interval}{' '}
          <select value={filter.interval ?? ''} onChange={(e) => setFilter({ ...filter, interval: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">{labels.allIntervals}</option>
            {intervals.map((iv, i) => (
              <option key={i} value={i}>
                {iv.heading} ({perInterval[i]})
              </option>
            ))}
          </select>
        </label>
        <span className="open-count">{fill(labels.openCount, { open: openCells, total: disagreements.length })}</span>
        <label className="check">
          <input type="checkbox" checked={focusMode} onChange={(e) => setFocusMode(e.target.checked)} /> {labels.focus}
        </label>
        {focusMode && (
          <>
            <button type="button" className="secondary small" onClick={() => step(-1)}>
              {labels.previous}
            </button>
            <button type="button" className="secondary small" onClick={() => step(1)}>
              {labels.next}
            </button>
            <small className="hint">{labels.keys}</small>
          </>
        )}
      </fieldset>
      <div className="tally-layout">
        <div className="tally-grid-wrap">
          <BoardGrid store={store} rows={rows} headings={intervals.map((i) => i.heading)} filter={filter} selected={selected} labels={labels} onSelect={select} />
        </div>
        <aside className="tally-side">
          <SharedPlayer ref={player} awareness={awareness} labels={labels} />
          {selectedView && selectedRow && (
            <FocusPanel
              store={store}
              cell={selected}
              row={selectedRow}
              heading={intervals[selectedView.interval]!.heading}
              coders={coders}
              me={me}
              color={color}
              canWrite={canWrite}
              provider={connection.provider}
              labels={labels}
              onSeek={(s) => player.current?.seek(s)}
            />
          )}
          <RatingsBoard store={store} scales={props.scales} coders={coders} me={me} canWrite={canWrite} labels={labels} />
          <FinalizePanel store={store} coders={coders} scales={props.scales} me={me} canWrite={canWrite} labels={labels} onFinalize={finalize} />
        </aside>
      </div>
    </div>
  );
}
