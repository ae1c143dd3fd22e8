/**
 * A methods paragraph, in English or Dutch, written from a project report's own figures:
 * unit of analysis, how much was double-coded, the coefficients with their intervals,
 * how non-occurrence was treated and, once sessions are reconciled, who the consensus followed.
 */
import type { Coefficient } from './coefficient';
import type { ProjectAgreementReport } from './report';

export type ReportLanguage = 'en' | 'nl';

export interface MethodsOptions {
  language: ReportLanguage;
  /** Length of one interval in minutes (default 5). */
  intervalMinutes?: number;
}

/** The figures both languages tell, formatted for one language. */
interface Facts {
  sessions: number;
  pairs: number;
  behaviours: number;
  aspects: number;
  intervals: string;
  cells: string;
  notCoded: string;
  minutes: number;
  percent: string;
  occurrence: string;
  nonOccurrence: string;
  kappa: string;
  prevalence: string;
  bias: string;
  pabak: string;
  ac1: string;
  kappaMedian: string | null;
  kappaRange: string | null;
  undefinedKappas: number;
  reconciled: { sessions: number; disagreements: string; followedA: string; followedB: string; shareA: string } | null;
}

const LOCALE: Record<ReportLanguage, string> = { en: 'en-GB', nl: 'nl-NL' };

function formatters(language: ReportLanguage) {
  const number = (x: number, digits = 2) =>
    x.toLocaleString(LOCALE[language], { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const count = (x: number) => x.toLocaleString(LOCALE[language]);
  const coefficient = (c: Coefficient) => {
    // Reasons are English sentences, so the Dutch text says only that the value is undefined.
    if (c.estimate === null) return language === 'en' ? `undefined (${c.reason})` : 'niet gedefinieerd';
    if (c.ciLow === null || c.ciHigh === null) return number(c.estimate);
    return language === 'en'
      ? `${number(c.estimate)} (95% CI [${number(c.ciLow)}, ${number(c.ciHigh)}])`
      : `${number(c.estimate)} (95%-BI [${number(c.ciLow)}; ${number(c.ciHigh)}])`;
  };
  return { number, count, coefficient };
}

function factsOf(report: ProjectAgreementReport, options: MethodsOptions): Facts {
  const { number, count, coefficient } = formatters(options.language);
  const { design, overall } = report;
  const all = overall.independent;
  const kappas = report.byBehaviour
    .map((b) => b.independent.cohenKappa.estimate)
    .filter((k): k is number => k !== null)
    .sort((x, y) => x - y);
  const consensus = overall.consensus;
  return {
    sessions: design.sessions,
    pairs: report.byCoderPair.length,
    behaviours: design.behaviours,
    aspects: design.aspects,
    intervals: count(design.intervals),
    cells: count(design.cells),
    notCoded: count(design.notCodedCells),
    minutes: options.intervalMinutes ?? 5,
    percent: coefficient(all.percentAgreement),
    occurrence: coefficient(all.occurrenceAgreement),
    nonOccurrence: coefficient(all.nonOccurrenceAgreement),
    kappa: coefficient(all.cohenKappa),
    prevalence: all.prevalenceIndex === null ? '—' : number(all.prevalenceIndex),
    bias: all.biasIndex === null ? '—' : number(all.biasIndex),
    pabak: coefficient(all.pabak),
    ac1: coefficient(all.gwetAc1),
    kappaMedian: kappas.length ? number((kappas[Math.floor((kappas.length - 1) / 2)]! + kappas[Math.floor(kappas.length / 2)]!) / 2) : null,
    kappaRange: kappas.length ? `${number(kappas[0]!)}–${number(kappas[kappas.length - 1]!)}` : null,
    undefinedKappas: report.byBehaviour.length - kappas.length,
    reconciled:
      consensus && design.reconciledSessions > 0
        ? {
            sessions: design.reconciledSessions,
            disagreements: count(consensus.disagreements),
            followedA: count(consensus.followedA),
            followedB: count(consensus.followedB),
            shareA: coefficient(consensus.shareFollowedA),
          }
        : null,
  };
}

function english(f: Facts): string {
  const s: string[] = [];
  s.push(
    `Inter-observer agreement was assessed on ${f.sessions} session${f.sessions === 1 ? '' : 's'} that two coders coded independently (${f.pairs} coder pair${f.pairs === 1 ? '' : 's'}).`,
    `The unit of analysis was the behaviour × interval cell: for each of the ${f.behaviours} behaviours of the codebook (${f.aspects} aspect${f.aspects === 1 ? '' : 's'}), each coder recorded whether the behaviour occurred in each ${f.minutes}-minute interval, which gave ${f.cells} double-coded cells from ${f.intervals} intervals${f.notCoded === '0' ? '' : ` (${f.notCoded} cells that a coder could not code were excluded)`}.`,
    `Intervals in which neither coder recorded a behaviour were counted as agreements (on non-occurrence) in percent agreement and in the chance-corrected coefficients; because such intervals dominate when a behaviour is rare, occurrence agreement, which leaves them out, is reported as well.`,
    `Over all cells, the proportion of agreement was ${f.percent}, occurrence agreement ${f.occurrence} and non-occurrence agreement ${f.nonOccurrence}.`,
    `Cohen's kappa was ${f.kappa}, with a prevalence index of ${f.prevalence} and a bias index of ${f.bias}; the prevalence- and bias-adjusted kappa (PABAK) was ${f.pabak} and Gwet's AC1 ${f.ac1}.`,
  );
  if (f.kappaMedian !== null) {
    s.push(
      `Per behaviour, kappa had a median of ${f.kappaMedian} (range ${f.kappaRange})` +
        (f.undefinedKappas > 0
          ? `; for ${f.undefinedKappas} behaviour${f.undefinedKappas === 1 ? '' : 's'} that neither coder recorded in any interval, or that both recorded in every interval, kappa is undefined (0/0) and is not reported.`
          : '.'),
    );
  }
  s.push(
    `Standard errors are large-sample analytic estimates (Fleiss, Cohen & Everitt, 1969, for kappa; Gwet, 2008, for AC1 and PABAK) that treat cells as independent, and the 95% confidence intervals are Wald intervals.`,
  );
  if (f.reconciled) {
    s.push(
      `Disagreements in ${f.reconciled.sessions} session${f.reconciled.sessions === 1 ? ' were' : 's were'} resolved by consensus; of the ${f.reconciled.disagreements} reconciled cells on which the coders had disagreed, the consensus kept the first coder's mark in ${f.reconciled.followedA} and the second coder's in ${f.reconciled.followedB}; the first coder's share was ${f.reconciled.shareA}.`,
    );
  }
  return s.join(' ');
}

function dutch(f: Facts): string {
  const s: string[] = [];
  s.push(
    `De overeenstemming tussen observatoren werd bepaald op ${f.sessions} ${f.sessions === 1 ? 'sessie' : 'sessies'} die door twee codeurs onafhankelijk van elkaar werden gecodeerd (${f.pairs} ${f.pairs === 1 ? 'codeurspaar' : 'codeursparen'}).`,
    `De analyse-eenheid was de cel gedrag × interval: voor elk van de ${f.behaviours} gedragingen uit het codeerschema (${f.aspects} ${f.aspects === 1 ? 'aspect' : 'aspecten'}) gaf elke codeur per interval van ${f.minutes} minuten aan of het gedrag optrad; dat leverde ${f.cells} dubbel gecodeerde cellen op uit ${f.intervals} intervallen${f.notCoded === '0' ? '' : ` (${f.notCoded} cellen die een codeur niet kon coderen, werden buiten beschouwing gelaten)`}.`,
    `Intervallen waarin geen van beide codeurs een gedrag noteerde, telden als overeenstemming (over het niet optreden) in het percentage overeenstemming en in de voor kans gecorrigeerde coëfficiënten; omdat zulke intervallen overheersen bij weinig voorkomend gedrag, wordt ook de overeenstemming over het optreden gerapporteerd, die ze buiten beschouwing laat.`,
    `Over alle cellen was de proportie overeenstemming ${f.percent}, de overeenstemming over het optreden ${f.occurrence} en die over het niet optreden ${f.nonOccurrence}.`,
    `Cohens kappa was ${f.kappa}, met een prevalentie-index van ${f.prevalence} en een bias-index van ${f.bias}; de voor prevalentie en bias gecorrigeerde kappa (PABAK) was ${f.pabak} en Gwets AC1 ${f.ac1}.`,
  );
  if (f.kappaMedian !== null) {
    s.push(
      `Per gedraging had kappa een mediaan van ${f.kappaMedian} (spreiding ${f.kappaRange})` +
        (f.undefinedKappas > 0
          ? `; voor ${f.undefinedKappas} ${f.undefinedKappas === 1 ? 'gedraging' : 'gedragingen'} die geen van beide codeurs ooit noteerde, of die beide codeurs in elk interval noteerden, is kappa niet gedefinieerd (0/0) en wordt die niet gerapporteerd.`
          : '.'),
    );
  }
  s.push(
    `De standaardfouten zijn analytische schattingen voor grote steekproeven (Fleiss, Cohen & Everitt, 1969, voor kappa; Gwet, 2008, voor AC1 en PABAK) die de cellen als onafhankelijk behandelen; de 95%-betrouwbaarheidsintervallen zijn Wald-intervallen.`,
  );
  if (f.reconciled) {
    s.push(
      `Verschillen in ${f.reconciled.sessions} ${f.reconciled.sessions === 1 ? 'sessie' : 'sessies'} werden in consensus opgelost; van de ${f.reconciled.disagreements} cellen waarover de codeurs het oneens waren en waarvoor een consensus werd vastgesteld, volgde de consensus in ${f.reconciled.followedA} gevallen de eerste codeur en in ${f.reconciled.followedB} de tweede; het aandeel van de eerste codeur was ${f.reconciled.shareA}.`,
    );
  }
  return s.join(' ');
}

/** The paragraph in the requested language, ready to paste into a report. */
export function methodsParagraph(report: ProjectAgreementReport, options: MethodsOptions): string {
  const facts = factsOf(report, options);
  return options.language === 'en' ? english(facts) : dutch(facts);
}
