import type { MessageKey } from '../en';
import { core } from './core';
import { codebook } from './codebook';
import { tally } from './tally';
import { board } from './board';
import { statistics } from './statistics';
import { results } from './results';
import { review } from './review';
import { calibration } from './calibration';

/** Dutch messages, one file per area; each is typed against its English area. */
export const nl: Record<MessageKey, string> = { ...core, ...codebook, ...tally, ...board, ...statistics, ...results, ...review, ...calibration };
