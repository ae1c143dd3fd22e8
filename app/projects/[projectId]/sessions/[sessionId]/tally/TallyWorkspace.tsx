'use client';
/*
 * The coder's hour with the recording: grid, local video, the focused cell's note and
 * moments, autosave state and submit. State lives in a TallyStore; edits go through the
 * SyncQueue (device storage first, then the server) and to other tabs of the same coder.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { TallyStore } from '@/lib/tally/client-store';
import { cellKey, type CellWrite, type RatingWrite } from '@/lib/tally/model';
import { SyncQueue, type SendOutcome } from '@/lib/tally/sync-queue';
import { intervalAt } from '@/lib/sessions/intervals';
import { CellPanel } from './CellPanel';
import { RatingsPanel, type GridScale } from './RatingsPanel';
import type { TallyLabels } from './labels';
import { SubmitDialog } from './SubmitDialog';
import { cellId, TallyGrid } from './TallyGrid';
import { VideoPane, type VideoHandle } from './VideoPane';

export interface GridRow {
  key: string;
  code: string;
  label: string;
  negative: boolean;
  shortcut: string;
  aspectKey: string;
  aspect: string;
  group: string;
  definition: string;
}

export interface GridInterval {
  heading: string;
  start: number;
  end: number;
  partial: boolean;
}

interface Props {
  projectId: string;
  sessionId: string;
  coderId: string;
  title: string;
  rows: GridRow[];
  intervals: GridInterval[];
  intervalSeconds: number;
  initialCells: CellWrite[];
  initialRatings: RatingWrite[];
  scales: GridScale[];
  submitted: boolean;
  labels: TallyLabels;
}

export function TallyWorkspace(props: Props) {
  const { rows, intervals, labels, submitted } = props;
  const api = `/api/projects/${props.projectId}/sessions/${props.sessionId}/tally`;
  const store = useMemo(() => {
    const s = new TallyStore(props.initialCells);
    if (rows[0]) s.setFocus(cellKey(rows[0].key, 0));
    return s;
    // The store is created once per page; later server state arrives through merge().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const queue = useMemo(
    () =>
      typeof window === 'undefined'
        ? null
        : new SyncQueue(window.localStorage, `concord:tally:${props.sessionId}:${props.coderId}`, (cells, ratings) => sendBatch(api, cells, ratings)),
    [api, props.sessionId, props.coderId],
  );
  const channel = useRef<BroadcastChannel | null>(null);
  const video = useRef<VideoHandle>(null);
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  // Read by callbacks through a ref, so the grid's props stay stable while focus moves.
  const focusRef = useRef(focus);
  const [current, setCurrent] = useState(0);
  const [ratings, setRatings] = useState(() => new Map(props.initialRatings.map((r) => [r.scaleKey, r])));
  const applyRating = useCallback((write: RatingWrite) => {
    setRatings((prev) => ((prev.get(write.scaleKey)?.clientTime ?? 0) >= write.clientTime ? prev : new Map(prev).set(write.scaleKey, write)));
  }, []);

  useEffect(() => {
    if (!queue || submitted) return;
    for (const w of queue.pending()) store.merge(w);
    for (const r of queue.pendingRatings()) applyRating(r);
    void queue.flush();
    const bc = new BroadcastChannel(`concord-tally-${props.sessionId}-${props.coderId}`);
    bc.onmessage = (e: MessageEvent<CellWrite | RatingWrite>) => ('scaleKey' in e.data ? applyRating(e.data) : store.merge(e.data));
    channel.current = bc;
    const online = () => queue.online();
    window.addEventListener('online', online);
    return () => {
      bc.close();
      window.removeEventListener('online', online);
    };
  }, [queue, store, submitted, props.sessionId, props.coderId, applyRating]);

  const commit = useCallback(
    (write: CellWrite) => {
      queue?.enqueue(write);
      channel.current?.postMessage(write);
    },
    [queue],
  );

  const onRate = useCallback(
    (scaleKey: string, value: number | null) => {
      const write: RatingWrite = { scaleKey, value, clientTime: Math.max(Date.now(), (ratings.get(scaleKey)?.clientTime ?? 0) + 1) };
      applyRating(write);
      queue?.enqueueRating(write);
      channel.current?.postMessage(write);
    },
    [applyRating, queue, ratings],
  );

  const onToggle = useCallback((row: number, col: number) => commit(store.toggle(rows[row]!.key, col, Date.now())), [commit, rows, store]);
  const onSet = useCallback((row: number, col: number, value: 0 | 1) => commit(store.edit(rows[row]!.key, col, { value }, Date.now())), [commit, rows, store]);
  const onFocusCell = useCallback(
    (row: number, col: number) => {
      store.setFocus(cellKey(rows[row]!.key, col));
      focusRef.current = { row, col };
      setFocus({ row, col });
      if (!video.current?.loaded()) setCurrent(col);
    },
    [rows, store],
  );
  const onIntervalClick = useCallback(
    (col: number) => {
      setCurrent(col);
      video.current?.seek(intervals[col]!.start);
      document.getElementById(cellId(focusRef.current.row, col))?.focus();
    },
    [intervals],
  );

  /** Behaviour shortcuts and video keys, anywhere on the page except in text fields. */
  useEffect(() => {
    if (submitted) return;
    const shortcuts = new Map(rows.map((r, i) => [r.shortcut, i] as const).filter(([k]) => k));
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || target.closest('input, textarea, select, dialog[open]')) return;
      const v = video.current;
      const videoKeys: Record<string, () => void> = {
        ';': () => v?.togglePlay(),
        ',': () => v?.skip(-5),
        '.': () => v?.skip(5),
        '[': () => v?.changeSpeed(-1),
        ']': () => v?.changeSpeed(1),
      };
      if (videoKeys[e.key]) {
        e.preventDefault();
        videoKeys[e.key]!();
        return;
      }
      const row = shortcuts.get(e.key.toLowerCase());
      if (row === undefined) return;
      e.preventDefault();
      const playing = v?.playing();
      const col = playing ? intervalAt(v!.time(), intervals.at(-1)!.end, props.intervalSeconds) : current;
      const behaviourKey = rows[row]!.key;
      if (playing) {
        const before = store.cell(behaviourKey, col);
        commit(store.edit(behaviourKey, col, { value: 1, moments: [...before.moments, Math.round(v!.time() * 10) / 10] }, Date.now()));
      } else {
        commit(store.toggle(behaviourKey, col, Date.now()));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commit, current, intervals, props.intervalSeconds, rows, store, submitted]);

  const saveState = useSyncExternalStore(
    useCallback((fn) => queue?.subscribe(fn) ?? (() => undefined), [queue]),
    () => queue?.status().state ?? 'saved',
    () => 'saved' as const,
  );

  return (
    <div className="tally-page">
      <header className="tally-head">
        <h2>{props.title}</h2>
        <p className={`save-state ${saveState}`} role="status" aria-live="polite" data-state={saveState}>
          {saveState === 'rejected' ? labels.rejected.replace('{message}', queue?.status().message ?? '') : labels[saveState]}
        </p>
        {!submitted && <SubmitDialog api={api} store={store} queue={queue} rows={rows} intervalCount={intervals.length} labels={labels} />}
      </header>
      {submitted && <p className="notice">{labels.submittedNotice}</p>}
      <style>{`.tally-grid [data-col="${current}"] { background: var(--current-col); }`}</style>
      <div className="tally-layout">
        <div className="tally-grid-wrap">
          <TallyGrid
            store={store}
            rows={rows}
            intervals={intervals}
            readOnly={submitted}
            labels={labels}
            onToggle={onToggle}
            onSet={onSet}
            onFocusCell={onFocusCell}
            onIntervalClick={onIntervalClick}
          />
          <RatingsPanel scales={props.scales} values={ratings} readOnly={submitted} labels={labels} onRate={onRate} />
        </div>
        <aside className="tally-side">
          <VideoPane ref={video} labels={labels} onTime={(s) => setCurrent(intervalAt(s, intervals.at(-1)!.end, props.intervalSeconds))} />
          <CellPanel
            store={store}
            row={rows[focus.row]!}
            col={focus.col}
            heading={intervals[focus.col]!.heading}
            readOnly={submitted}
            labels={labels}
            onEdit={(patch) => commit(store.edit(rows[focus.row]!.key, focus.col, patch, Date.now()))}
            onSeek={(s) => video.current?.seek(s)}
          />
          <details className="keys">
            <summary>{labels.keys}</summary>
            <p>{labels.keysHelp}</p>
          </details>
        </aside>
      </div>
    </div>
  );
}

async function sendBatch(api: string, cells: CellWrite[], ratings: RatingWrite[]): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cells, ratings }) });
  } catch {
    return { kind: 'offline' };
  }
  if (res.ok) return { kind: 'ok' };
  if (res.status >= 500 || res.status === 401) return { kind: 'offline' };
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  return { kind: 'rejected', message: body.error ?? String(res.status) };
}
