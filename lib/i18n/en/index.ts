/**
 * English messages: the reference catalogue, one file per area of the product. Every key
 * must exist in the Dutch catalogue (lib/i18n/nl), which is typed against this one.
 */
import { core } from './core';
import { codebook } from './codebook';
import { tally } from './tally';
import { board } from './board';
import { statistics } from './statistics';
import { results } from './results';
import { review } from './review';
import { calibration } from './calibration';

export const en = { ...core, ...codebook, ...tally, ...board, ...statistics, ...results, ...review, ...calibration } as const;

export type MessageKey = keyof typeof en;
