'use client';
/*
 * Re-renders the server page now and then while something may change elsewhere (trainees
 * submitting, a trainer revealing a round in class), without a reload: no spinner, no
 * layout shift, only while the tab is visible. Forms keep what was typed (router.refresh
 * keeps client state).
 */
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function AutoRefresh({ everyMs = 10_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, everyMs);
    return () => window.clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
