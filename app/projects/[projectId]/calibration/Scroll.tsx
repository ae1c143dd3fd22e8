import type { ReactNode } from 'react';
import styles from './calibration.module.css';

/**
 * A wide table's horizontal scroller: a labelled region in the tab order, so it can be
 * scrolled with the keyboard when the table is wider than the screen.
 */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
