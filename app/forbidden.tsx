import Link from 'next/link';
import { getT } from './_server/context';

export default async function Forbidden() {
  const t = await getT();
  return (
    <section className="narrow card">
      <h1>{t('error.forbidden')}</h1>
      <p>
        <Link href="/">{t('nav.projects')}</Link>
      </p>
    </section>
  );
}
