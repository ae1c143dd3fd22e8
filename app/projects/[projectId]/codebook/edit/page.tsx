import Link from 'next/link';
import { listCodebookVersions } from '@/lib/codebook/repository';
import { translator } from '@/lib/i18n/messages';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { codebookMessages } from '../load-messages';
import { blankCodebook } from './draft';
import { CodebookEditor } from './CodebookEditor';

export default async function CodebookEditPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project } = await requireProject(projectId, 'codebook.edit');
  const [t, locale] = [await getT(), await currentLocale()];
  const [latest] = await listCodebookVersions(d, project.id);
  const groupLabel = { en: translator('en')('codebookEditor.defaultGroupLabel'), nl: translator('nl')('codebookEditor.defaultGroupLabel') };
  return (
    <section aria-labelledby="codebook-editor-title">
      <h2 id="codebook-editor-title">{t('codebookEditor.title')}</h2>
      <p>
        <Link href={`/projects/${project.id}/codebook`}>{t('codebookEditor.back')}</Link>
      </p>
      <CodebookEditor
        projectId={project.id}
        initial={latest?.codebook ?? blankCodebook(project.name)}
        version={latest ? { number: latest.number, revision: latest.revision, inUse: latest.inUse } : null}
        messages={codebookMessages(t)}
        locale={locale}
        groupLabel={groupLabel}
      />
    </section>
  );
}
