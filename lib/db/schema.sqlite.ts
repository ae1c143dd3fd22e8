/*
 * The relational schema, SQLite dialect. drizzle has no dialect-neutral schema, so
 * schema.pg.ts is generated from this file by scripts/db-generate.sh (npm run db:generate);
 * tests/unit/db/schema-parity.test.ts checks they match. Both map to the same row types.
 */
import { sqliteTable, text, integer, blob, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

const id = () => text('id').primaryKey();
const at = (name: string) => integer(name, { mode: 'timestamp_ms' });
const flag = (name: string) => integer(name, { mode: 'boolean' });
/** Binary data (Yjs updates) as a Node Buffer: BLOB here, BYTEA in PostgreSQL. */
const bytes = (name: string) => blob(name, { mode: 'buffer' });
/** Milliseconds since the epoch as a plain number (64-bit in both dialects). */
const millis = (name: string) => integer(name, { mode: 'number' });

export const users = sqliteTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  locale: text('locale').notNull().default('en'),
  createdAt: at('created_at').notNull(),
});

export const signInFailures = sqliteTable('sign_in_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: at('first_failure_at').notNull(),
  lockedUntil: at('locked_until'),
});

export const projects = sqliteTable('projects', {
  id: id(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdBy: text('created_by').notNull().references(() => users.id),
  createdAt: at('created_at').notNull(),
});

export const members = sqliteTable(
  'members',
  {
    projectId: text('project_id').notNull().references(() => projects.id),
    userId: text('user_id').notNull().references(() => users.id),
    /** Comma-separated roles; see lib/policy/roles.ts. Kept on removal; `removedAt` ends access. */
    roles: text('roles').notNull(),
    joinedAt: at('joined_at').notNull(),
    removedAt: at('removed_at'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('members_user_idx').on(t.userId)],
);

export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    projectId: text('project_id').notNull().references(() => projects.id),
    tokenHash: text('token_hash').notNull().unique(),
    roles: text('roles').notNull(),
    email: text('email'),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    acceptedBy: text('accepted_by').references(() => users.id),
    acceptedAt: at('accepted_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('invitations_project_idx').on(t.projectId)],
);

export const cases = sqliteTable(
  'cases',
  {
    id: id(),
    projectId: text('project_id').notNull().references(() => projects.id),
    caseNumber: text('case_number').notNull(),
    note: text('note').notNull().default(''),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('cases_project_number_uq').on(t.projectId, t.caseNumber)],
);

export const codebooks = sqliteTable('codebooks', {
  id: id(),
  projectId: text('project_id').notNull().references(() => projects.id),
  name: text('name').notNull(),
  createdAt: at('created_at').notNull(),
});

export const codebookVersions = sqliteTable(
  'codebook_versions',
  {
    id: id(),
    codebookId: text('codebook_id').notNull().references(() => codebooks.id),
    number: integer('number').notNull(),
    /** The full codebook model as JSON (lib/codebook); frozen once a session uses it. */
    content: text('content').notNull(),
    frozen: flag('frozen').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('codebook_versions_number_uq').on(t.codebookId, t.number)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: id(),
    projectId: text('project_id').notNull().references(() => projects.id),
    caseId: text('case_id').notNull().references(() => cases.id),
    label: text('label').notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    intervalSeconds: integer('interval_seconds').notNull(),
    codebookVersionId: text('codebook_version_id').references(() => codebookVersions.id),
    /** coding → revealed → finalized; see lib/sessions/status.ts. */
    status: text('status').notNull(),
    /**
     * research (counts in results and statistics) | gold (a calibration recording; its
     * consensus is the gold standard) | calibration (a trainees' round); lib/sessions/purpose.ts.
     */
    purpose: text('purpose').notNull().default('research'),
    createdAt: at('created_at').notNull(),
    revealedAt: at('revealed_at'),
    finalizedAt: at('finalized_at'),
  },
  (t) => [index('sessions_project_idx').on(t.projectId), index('sessions_case_idx').on(t.caseId)],
);

export const assignments = sqliteTable(
  'assignments',
  {
    sessionId: text('session_id').notNull().references(() => sessions.id),
    coderId: text('coder_id').notNull().references(() => users.id),
    assignedAt: at('assigned_at').notNull(),
    submittedAt: at('submitted_at'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.coderId] }), index('assignments_coder_idx').on(t.coderId)],
);

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: id(),
    projectId: text('project_id').references(() => projects.id),
    actorId: text('actor_id').references(() => users.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    /** JSON object with the event's facts; never marks of a blind tally. */
    detail: text('detail').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('audit_project_idx').on(t.projectId, t.at)],
);

/**
 * A coder's independent tally, one row per touched cell (behaviour × interval); an absent
 * row is an unmarked cell. Editable by its coder until the assignment is submitted, then
 * frozen. `clientTime` orders concurrent writes from several tabs (last writer wins).
 */
export const tallyCells = sqliteTable(
  'tally_cells',
  {
    sessionId: text('session_id').notNull().references(() => sessions.id),
    coderId: text('coder_id').notNull().references(() => users.id),
    behaviourKey: text('behaviour_key').notNull(),
    interval: integer('interval').notNull(),
    value: integer('value').notNull(),
    /** Private note of the coder on this cell (why, doubts). */
    note: text('note').notNull(),
    /** JSON array of playhead seconds where the coder saw the behaviour. */
    moments: text('moments').notNull(),
    clientTime: millis('client_time').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.coderId, t.behaviourKey, t.interval] })],
);

/** A coder's global rating on one of the codebook's rating scales. */
export const tallyRatings = sqliteTable(
  'tally_ratings',
  {
    sessionId: text('session_id').notNull().references(() => sessions.id),
    coderId: text('coder_id').notNull().references(() => users.id),
    scaleKey: text('scale_key').notNull(),
    value: integer('value'),
    clientTime: millis('client_time').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.coderId, t.scaleKey] })],
);

/** The settled consensus list of a session: the only marks that count in results. */
export const consensusCells = sqliteTable(
  'consensus_cells',
  {
    sessionId: text('session_id').notNull().references(() => sessions.id),
    behaviourKey: text('behaviour_key').notNull(),
    interval: integer('interval').notNull(),
    value: integer('value').notNull(),
    rationale: text('rationale').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.behaviourKey, t.interval] })],
);

/** The settled global ratings of a finalized session. */
export const consensusRatings = sqliteTable(
  'consensus_ratings',
  {
    sessionId: text('session_id').notNull().references(() => sessions.id),
    scaleKey: text('scale_key').notNull(),
    value: integer('value'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.scaleKey] })],
);

/** What a finalized board leaves besides marks: every cell's history, who finalized. */
export const boardArchives = sqliteTable('board_archives', {
  sessionId: text('session_id').primaryKey().references(() => sessions.id),
  /** JSON array of the board's history entries (lib/reconciliation/board-doc.ts). */
  history: text('history').notNull(),
  /** JSON object: per cell, the "definition unclear" flags and comment threads. */
  notes: text('notes').notNull(),
  finalizedBy: text('finalized_by').notNull().references(() => users.id),
  at: at('at').notNull(),
});

/** A supervisor's comment on a settled cell of a finalized session, visible to its coders. */
export const reviewComments = sqliteTable(
  'review_comments',
  {
    id: id(),
    sessionId: text('session_id').notNull().references(() => sessions.id),
    cell: text('cell').notNull(),
    authorId: text('author_id').notNull().references(() => users.id),
    text: text('text').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('review_comments_session_idx').on(t.sessionId)],
);

/** A supervisor's request to reopen a settled cell; the session's coders accept or decline, then re-settle it. */
export const reopenRequests = sqliteTable(
  'reopen_requests',
  {
    id: id(),
    sessionId: text('session_id').notNull().references(() => sessions.id),
    cell: text('cell').notNull(),
    requestedBy: text('requested_by').notNull().references(() => users.id),
    reason: text('reason').notNull(),
    /** pending → accepted | declined; accepted → proposed (a coder's new mark) → resettled (the other coder confirmed) */
    status: text('status').notNull(),
    decidedBy: text('decided_by').references(() => users.id),
    at: at('at').notNull(),
    decidedAt: at('decided_at'),
    /** The proposed new mark (0/1) and its rationale; a later proposal replaces them. */
    resettleValue: integer('resettle_value'),
    resettleRationale: text('resettle_rationale'),
    resettleProposedBy: text('resettle_proposed_by').references(() => users.id),
    /** The consensus mark the confirmed proposal replaced, and when. */
    resettledFrom: integer('resettled_from'),
    resettledAt: at('resettled_at'),
  },
  (t) => [index('reopen_requests_session_idx').on(t.sessionId)],
);

/** A proposed change to a behaviour's definition, linked to the disagreements that motivated it. */
export const definitionProposals = sqliteTable(
  'definition_proposals',
  {
    id: id(),
    projectId: text('project_id').notNull().references(() => projects.id),
    behaviourKey: text('behaviour_key').notNull(),
    /** JSON: the proposed texts, e.g. { "definition": { "en": "…", "nl": "…" }, "include": … }. */
    proposal: text('proposal').notNull(),
    motivation: text('motivation').notNull(),
    /** JSON array of { sessionId, cell } the proposal refers to. */
    cells: text('cells').notNull(),
    proposedBy: text('proposed_by').notNull().references(() => users.id),
    /** open → applied (to a codebook draft) | withdrawn */
    status: text('status').notNull(),
    appliedVersionId: text('applied_version_id').references(() => codebookVersions.id),
    at: at('at').notNull(),
  },
  (t) => [index('definition_proposals_project_idx').on(t.projectId)],
);

/**
 * The realtime documents (Yjs) — e.g. a session's reconciliation board — as an append-only
 * log of updates, each stored before it is relayed, compacted into `docSnapshots`.
 */
export const docUpdates = sqliteTable(
  'doc_updates',
  {
    docId: text('doc_id').notNull(),
    seq: integer('seq').notNull(),
    update: bytes('update').notNull(),
    at: at('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.docId, t.seq] })],
);

export const docSnapshots = sqliteTable('doc_snapshots', {
  docId: text('doc_id').primaryKey(),
  /** The merged state of every update up to and including `seq`. */
  state: bytes('state').notNull(),
  seq: integer('seq').notNull(),
  at: at('at').notNull(),
});

/** A project's own settings; a project without a row uses the defaults in lib/projects/settings.ts. */
export const projectSettings = sqliteTable('project_settings', {
  projectId: text('project_id').primaryKey().references(() => projects.id),
  /** Coders tally every session as if it counted alone; only double-coded ones reveal. */
  hideDoubleCoding: flag('hide_double_coding').notNull().default(false),
  /** kappa | ac1: the statistic against gold that calibration criteria and drift use. */
  markStatistic: text('mark_statistic').notNull().default('kappa'),
  /** In hundredths: 70 = 0.70. */
  markThreshold: integer('mark_threshold').notNull().default(70),
  /** Global ratings within this many scale points of gold count as agreeing. */
  ratingTolerance: integer('rating_tolerance').notNull().default(1),
  /** Percent of ratings that must be within tolerance. */
  ratingShare: integer('rating_share').notNull().default(90),
  updatedAt: at('updated_at').notNull(),
});

/**
 * A calibration round: trainees tally `sessionId` (a session with purpose calibration) blind
 * and are compared with the gold standard of `goldSessionId`. The trainer reveals.
 */
export const calibrationRounds = sqliteTable(
  'calibration_rounds',
  {
    id: id(),
    projectId: text('project_id').notNull().references(() => projects.id),
    sessionId: text('session_id').notNull().unique().references(() => sessions.id),
    goldSessionId: text('gold_session_id').notNull().references(() => sessions.id),
    deadline: at('deadline'),
    /** After reveal trainees see the gold marks; otherwise only the group's spread. */
    showGold: flag('show_gold').notNull(),
    /** After reveal trainees see each other's marks by name. */
    showNames: flag('show_names').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('calibration_rounds_project_idx').on(t.projectId)],
);
