import styles from './calibration.module.css';

/**
 * A small trend line of one figure across rounds or sessions, oldest first, with the
 * project's threshold as a dashed line. Points at or above the threshold are filled, points
 * below it hollow; undefined values leave a gap. The numbers themselves are in `label`
 * (read by screen readers) and next to the line, so the picture only adds the shape.
 */
export function Sparkline({ values, threshold, label, width = 120, height = 30 }: { values: (number | null)[]; threshold: number; label: string; width?: number; height?: number }) {
  const defined = values.filter((v): v is number => v !== null);
  const low = Math.min(0, ...defined, threshold);
  const high = Math.max(1, ...defined);
  const pad = 4;
  const x = (i: number) => (values.length <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => pad + ((high - v) * (height - 2 * pad)) / (high - low || 1);
  // Line segments between consecutive defined points; a null breaks the line.
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? ' L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg className={styles.sparkline} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1={pad} x2={width - pad} y1={y(threshold)} y2={y(threshold)} className={styles.sparkThreshold} />
      {segments.map((d) => (
        <path key={d} d={d} className={styles.sparkLine} />
      ))}
      {values.map((v, i) =>
        v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={2.6} className={v >= threshold - 1e-9 ? styles.sparkPass : styles.sparkFail} />,
      )}
    </svg>
  );
}
