import Link from 'next/link';
import { database } from '@/lib/db';
import { listProjectsOf } from '@/lib/projects/projects';
import { getT, requireUser } from './_server/context';
import { ActionForm, Field, SubmitButton } from './_components/Form';
import { createProjectAction } from './actions';

export default async function HomePage() {
  const user = await requireUser();
  const t = await getT();
  const projects = await listProjectsOf(await database(), user.id);
  return (
    <div className="page">
      <h1>{t('projects.title')}</h1>
      {projects.length === 0 ? (
        <p className="empty">{t('projects.empty')}</p>
      ) : (
        <ul className="cards">
          {projects.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link href={`/projects/${p.id}`}>{p.name}</Link>
              </h2>
              {p.description && <p>{p.description}</p>}
              <p className="muted">{t('projects.yourRoles', { roles: p.roles.map((r) => t(`role.${r}`)).join(', ') })}</p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-project" className="card narrow">
        <h2 id="new-project">{t('projects.new')}</h2>
        <ActionForm action={createProjectAction} label={t('projects.new')}>
          <Field name="name" label={t('projects.name')} required />
          <Field name="description" label={`${t('projects.description')} (${t('common.optional')})`} multiline />
          <SubmitButton>{t('common.create')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
