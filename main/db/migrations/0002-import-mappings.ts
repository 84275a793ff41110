import type { Migration } from './types';

/**
 * Mapping memory for the importer (issue 4): a column mapping the user corrected, kept per
 * source so the next workbook of the same shape maps by itself. `signature` is the sheet's
 * folded header row; `file_pattern` the file name with its digits generalised, for sheets
 * whose headers drift between months.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'import-mappings',
  up: `
CREATE TABLE import_mappings (
  signature TEXT PRIMARY KEY,
  file_pattern TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX import_mappings_pattern ON import_mappings (file_pattern);
`,
};
