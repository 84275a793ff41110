import type { Migration } from './types';

/**
 * The first schema: organisation, the versioned standards library, inspections and their
 * measurements (verdicts stored as computed from the standard version they were judged by),
 * findings, corrective actions, reviews, plans, import batches and the audit trail.
 * Exchangeable rows carry a UUID `id`, `created_at` and `updated_at` (exchange-format.md).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE dimensions (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort INTEGER NOT NULL
) STRICT;
INSERT INTO dimensions (code, name_zh, name_en, sort) VALUES
  ('NET', '网络质量', 'Network quality', 1),
  ('CS', '客户服务', 'Customer service', 2),
  ('PRD', '产品与资费', 'Products and pricing', 3),
  ('PROC', '业务办理流程', 'Service process', 4),
  ('INNO', '技术创新', 'Technology and innovation', 5),
  ('HR', '人员与培训', 'People and training', 6);

CREATE TABLE import_batches (
  id TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  user TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  rows_written INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'undone')),
  report_json TEXT
) STRICT;
CREATE INDEX import_batches_hash ON import_batches (file_hash);

CREATE TABLE regions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  batch_id TEXT REFERENCES import_batches (id)
) STRICT;

CREATE TABLE branches (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  batch_id TEXT REFERENCES import_batches (id),
  UNIQUE (region_id, name)
) STRICT;

CREATE TABLE standards (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT,
  dimension TEXT NOT NULL REFERENCES dimensions (code),
  unit TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
  target REAL NOT NULL,
  warning REAL NOT NULL,
  weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
  method TEXT,
  source TEXT,
  source_ref TEXT,
  effective_from TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  batch_id TEXT REFERENCES import_batches (id),
  UNIQUE (code, version),
  UNIQUE (code, effective_from),
  CHECK (CASE direction WHEN 'higher' THEN warning <= target ELSE warning >= target END)
) STRICT;

CREATE TABLE inspections (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL REFERENCES branches (id),
  period TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('self_assessment', 'regional_audit', 'third_party',
    'mystery_shopper', 'network_test', 'complaint_review')),
  inspector TEXT,
  inspected_on TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved')),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  batch_id TEXT REFERENCES import_batches (id),
  UNIQUE (branch_id, period, kind)
) STRICT;
CREATE INDEX inspections_period ON inspections (period);

-- One standard's value in one inspection. The verdict, gap and attainment are computed in
-- shared/domain/verdict.ts from the version in standard_id and stored, so grids over a
-- million rows filter on them without recomputing; a version's thresholds never change
-- once measurements refer to it (a change makes a new version).
CREATE TABLE measurements (
  id TEXT PRIMARY KEY,
  inspection_id TEXT NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  standard_id TEXT NOT NULL REFERENCES standards (id),
  standard_code TEXT NOT NULL,
  value REAL NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'warning', 'fail')),
  gap REAL NOT NULL,
  attainment REAL NOT NULL,
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  batch_id TEXT REFERENCES import_batches (id),
  UNIQUE (inspection_id, standard_code)
) STRICT;
CREATE INDEX measurements_standard ON measurements (standard_id);
CREATE INDEX measurements_code_verdict ON measurements (standard_code, verdict);

-- Free-text observations; failed and warned measurements are findings too (see v_findings).
CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL REFERENCES branches (id),
  period TEXT NOT NULL,
  standard_code TEXT,
  description TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  batch_id TEXT REFERENCES import_batches (id)
) STRICT;

CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  scope_type TEXT NOT NULL CHECK (scope_type IN ('all', 'region', 'branch')),
  scope_code TEXT,
  period TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT 'plan' CHECK (stage IN ('plan', 'do', 'check', 'act', 'closed')),
  title TEXT NOT NULL,
  content_json TEXT NOT NULL,
  previous_plan_id TEXT REFERENCES plans (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL REFERENCES branches (id),
  standard_code TEXT,
  finding_id TEXT REFERENCES findings (id) ON DELETE SET NULL,
  measurement_id TEXT REFERENCES measurements (id) ON DELETE SET NULL,
  finding TEXT,
  root_cause_category TEXT CHECK (root_cause_category IN ('people', 'process', 'network', 'product',
    'environment', 'measurement')),
  root_cause TEXT,
  action TEXT NOT NULL,
  department TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'verified', 'reopened')),
  verified_on TEXT,
  verification_note TEXT,
  verification_met INTEGER CHECK (verification_met IN (0, 1)),
  plan_id TEXT REFERENCES plans (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  batch_id TEXT REFERENCES import_batches (id)
) STRICT;
CREATE INDEX actions_branch_standard ON actions (branch_id, standard_code);
CREATE INDEX actions_status_due ON actions (status, due_date);

CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  scope_type TEXT NOT NULL CHECK (scope_type IN ('all', 'region', 'branch')),
  scope_code TEXT,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  title TEXT NOT NULL,
  decisions TEXT,
  objectives TEXT,
  snapshot_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Every create, update and delete: who, when, before and after (JSON of the row).
-- batch_id ties the rows an import wrote together, so undo can restore what it overwrote.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  entity_key TEXT,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  before_json TEXT,
  after_json TEXT,
  batch_id TEXT REFERENCES import_batches (id)
) STRICT;
CREATE INDEX audit_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_key ON audit_log (entity_type, entity_key);
CREATE INDEX audit_batch ON audit_log (batch_id);

CREATE VIEW v_findings AS
  SELECT m.id AS id, i.branch_id, i.period, m.standard_code, m.id AS measurement_id,
         m.verdict AS severity, NULL AS description, m.value, s.target, m.created_at, m.updated_at
    FROM measurements m
    JOIN inspections i ON i.id = m.inspection_id
    JOIN standards s ON s.id = m.standard_id
   WHERE m.verdict IN ('fail', 'warning')
  UNION ALL
  SELECT f.id, f.branch_id, f.period, f.standard_code, NULL, 'observation', f.description, NULL, NULL,
         f.created_at, f.updated_at
    FROM findings f;
`,
};
