import Link from 'next/link';
import type { Translate } from '@/lib/i18n/messages';
import type { Results, VersionResults } from '@/lib/results';

/** Shown when finalized sessions use more than one codebook version: results are per version. */
export function VersionNote({ results, version, t, href }: { results: Results; version: VersionResults; t: Translate; href: (versionNumber: number) => string }) {
  if (results.versions.length < 2) return null;
  const others = results.versions.filter((v) => v !== version);
  return (
    <p className="notice results-version-note" role="note">
      {t('results.versionNote', { count: results.versions.length, version: version.versionNumber, sessions: version.sessions.length })} {t('results.otherVersions')}{' '}
      {others.map((v, i) => (
        <span key={v.versionId}>
          {i > 0 && ', '}
          <Link href={href(v.versionNumber)}>{t('results.versionLink', { number: v.versionNumber, sessions: v.sessions.length })}</Link>
        </span>
      ))}
    </p>
  );
}
