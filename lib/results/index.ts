/*
 * Results: the report tables from finalized consensus lists, and their exports. Pure; the
 * database side (loading, rationales, the export audit) is in ./load.
 */
export * from './model';
export * from './table';
export * from './query';
export * from './describe';
export * from './exports';
