'use client';

/** Opens the browser's print dialog ("Save as PDF" there makes a PDF); hidden when printing. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="primary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
