import Link from 'next/link';
import { getT } from './_server/context';

export default async function NotFound() {
  const t = await getT();
  return (
    <section className="narrow card">
      <h1>{t('error.notFound')}</h1>
      <p>
        <Link href="/">{t('nav.projects')}</Link>
      </p>
    </section>
  );
}
