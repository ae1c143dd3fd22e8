/**
 * The codebook domain, framework-free: model, validation, versions, keys, problems, demo.
 * Pure and safe for the browser (the editor validates as you type with these).
 *
 * File import and export live in `@/lib/codebook/formats` (server side: they pull in zod and,
 * lazily, exceljs); the demo files for examples/ in `@/lib/codebook/demo-files`.
 */
export * from './model';
export * from './problems';
export { validateCodebook, isValidShortcut, RESERVED_SHORTCUT_KEYS, MAX_BEHAVIOURS, MAX_CODE_LENGTH, MAX_LABEL_LENGTH, MAX_TEXT_LENGTH } from './validate';
export { diffCodebooks, needsNewVersion, checkRemoval, planEdit, describeDiff } from './versions';
export type { CodebookDiff, CollectionDiff, EditAction, FieldChange, ItemChange, ItemRef } from './versions';
export { newKey, derivedKey, isUuid, normalizeUuid } from './keys';
export { demoCodebook, DEMO_CODEBOOK_NAME } from './demo';
