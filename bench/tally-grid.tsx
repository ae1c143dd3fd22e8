/*
 * Tally grid benchmark (issue 4): on an 80 × 24 grid, a toggle — local or arriving from
 * elsewhere — must re-render only the changed cell (and its row total) and take well under
 * one frame (16 ms). Counts renders per cell and times updates, next to a baseline grid
 * that keeps all marks in one React state (the straightforward implementation), in the
 * same run. Run: npx tsx bench/tally-grid.tsx
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>');
Object.assign(globalThis, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator, HTMLElement: dom.window.HTMLElement, Node: dom.window.Node });
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const React = await import('react');
const { act } = React;
const { createRoot } = await import('react-dom/client');
const { TallyStore } = await import('@/lib/tally/client-store');
const { TallyGrid, renderCounter } = await import('@/app/projects/[projectId]/sessions/[sessionId]/tally/TallyGrid');

const ROWS = 80;
const COLS = 24;
const TOGGLES = 300;
const rows = Array.from({ length: ROWS }, (_, i) => ({
  key: `b${i}`,
  code: `B${i}`,
  label: `Behaviour ${i}`,
  negative: i % 7 === 0,
  shortcut: '',
  aspectKey: `a${Math.floor(i / 20)}`,
  aspect: `Aspect ${Math.floor(i / 20)}`,
  group: i % 20 < 8 ? 'Literature' : 'Instrument',
  definition: '',
}));
const intervals = Array.from({ length: COLS }, (_, i) => ({ heading: `${i * 5}–${i * 5 + 5}`, start: i * 300, end: i * 300 + 300, partial: false }));
const labels = new Proxy({}, { get: (_t, k) => String(k) }) as never;
const noop = () => undefined;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const targets = Array.from({ length: TOGGLES }, () => ({ row: Math.floor(random() * ROWS), col: Math.floor(random() * COLS) }));

async function measureOurs() {
  const store = new TallyStore();
  const renders = new Map<string, number>();
  renderCounter.count = (key) => renders.set(key, (renders.get(key) ?? 0) + 1);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(<TallyGrid store={store} rows={rows} intervals={intervals} readOnly={false} labels={labels} onToggle={noop} onSet={noop} onFocusCell={noop} onIntervalClick={noop} />);
  });
  const initial = [...renders.values()].reduce((a, b) => a + b, 0);
  const times: number[] = [];
  let maxCellsPerToggle = 0;
  for (const [i, { row, col }] of targets.entries()) {
    renders.clear();
    const start = performance.now();
    await act(async () => {
      // Alternate local toggles and remote changes (merge), as on a live board.
      if (i % 2 === 0) store.toggle(rows[row]!.key, col, Date.now() + i);
      else store.merge({ behaviourKey: rows[row]!.key, interval: col, value: store.cell(rows[row]!.key, col).value ? 0 : 1, note: '', moments: [], clientTime: Date.now() + 10_000 + i });
    });
    times.push(performance.now() - start);
    maxCellsPerToggle = Math.max(maxCellsPerToggle, [...renders.values()].reduce((a, b) => a + b, 0));
  }
  await act(async () => root.unmount());
  renderCounter.count = undefined;
  return { initial, maxCellsPerToggle, times };
}

/** The baseline: all marks in one state object; every toggle re-renders every cell. */
function BaselineGrid({ onReady }: { onReady(toggle: (key: string) => void): void }) {
  const [marks, setMarks] = React.useState<Record<string, boolean>>({});
  React.useEffect(() => onReady((key) => setMarks((m) => ({ ...m, [key]: !m[key] }))), [onReady]);
  return (
    <table>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th>{r.label}</th>
            {intervals.map((_, c) => {
              const key = `${r.key}@${c}`;
              return (
                <td key={c}>
                  <button type="button" aria-pressed={!!marks[key]}>
                    {marks[key] ? 'I' : ''}
                  </button>
                </td>
              );
            })}
            <td>{intervals.filter((_, c) => marks[`${r.key}@${c}`]).length}/{COLS}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function measureBaseline() {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  let toggle: (key: string) => void = noop;
  await act(async () => root.render(<BaselineGrid onReady={(fn) => (toggle = fn)} />));
  const times: number[] = [];
  for (const { row, col } of targets) {
    const start = performance.now();
    await act(async () => toggle(`${rows[row]!.key}@${col}`));
    times.push(performance.now() - start);
  }
  await act(async () => root.unmount());
  return { times };
}

await measureOurs(); // warm-up
const ours = await measureOurs();
await measureBaseline(); // warm-up
const baseline = await measureBaseline();
const median = (t: number[]) => percentile(t, 50);
console.log(`grid ${ROWS} × ${COLS} = ${ROWS * COLS} cells; ${TOGGLES} updates (half local toggles, half remote merges)`);
console.log(`initial render: ${ours.initial} cell renders`);
console.log(`cells re-rendered per update: at most ${ours.maxCellsPerToggle}`);
console.log(`ours:     p50 ${median(ours.times).toFixed(2)} ms, p99 ${percentile(ours.times, 99).toFixed(2)} ms per update`);
console.log(`baseline: p50 ${median(baseline.times).toFixed(2)} ms, p99 ${percentile(baseline.times, 99).toFixed(2)} ms per update (whole grid re-renders)`);
console.log(`ratio baseline/ours (p50): ${(median(baseline.times) / median(ours.times)).toFixed(1)}×`);
const pass = ours.maxCellsPerToggle === 1 && percentile(ours.times, 99) <= 16;
console.log(pass ? 'PASS: one cell per update, within one frame (16 ms)' : 'FAIL: target is one cell per update and p99 ≤ 16 ms');
process.exit(pass ? 0 : 1);
