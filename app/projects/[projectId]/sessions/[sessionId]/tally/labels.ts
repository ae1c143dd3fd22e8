import type { Translate } from '@/lib/i18n/messages';

/**
 * The tally page's strings, translated on the server and handed to the client components.
 * `coderList: false` (double-coding hidden from this coder, lib/sessions/coder-view): texts
 * that speak of other coders, the reveal or the reconciliation are replaced.
 */
export function tallyLabels(t: Translate, { coderList }: { coderList: boolean } = { coderList: true }) {
  return {
    grid: t('tally.grid'),
    behaviour: t('codebook.behaviour'),
    frequency: t('tally.frequency'),
    negative: t('codebook.negative'),
    marked: t('tally.marked'),
    notMarked: t('tally.notMarked'),
    saved: t('tally.state.saved'),
    syncing: t('tally.state.syncing'),
    offline: t('tally.state.offline'),
    rejected: t('tally.state.rejected'),
    submit: t('tally.submit'),
    submitTitle: t('tally.submitTitle'),
    submitConfirm: t('tally.submitConfirm'),
    submitWaits: t('tally.submitWaits'),
    submittedNotice: coderList ? t('tally.submittedNotice') : t('tally.submittedNoticeHidden'),
    revealedNotice: t('tally.revealedNotice'),
    marksPerAspect: t('tally.marksPerAspect'),
    emptyRows: t('tally.emptyRows'),
    cancel: t('common.cancel'),
    note: t('tally.note'),
    notePrivate: coderList ? t('tally.notePrivate') : t('tally.notePrivateHidden'),
    moments: t('tally.moments'),
    noMoments: t('tally.noMoments'),
    removeMoment: t('tally.removeMoment'),
    recording: t('tally.recording'),
    openVideo: t('tally.openVideo'),
    videoPrivate: t('tally.videoPrivate'),
    keys: t('tally.keys'),
    keysHelp: t('tally.keysHelp'),
    interval: t('tally.interval'),
    partial: t('tally.partial'),
    speed: t('tally.speed'),
    cell: t('tally.cell'),
    ratings: t('tally.ratings'),
    clearRating: t('tally.clearRating'),
  };
}

export type TallyLabels = ReturnType<typeof tallyLabels>;
