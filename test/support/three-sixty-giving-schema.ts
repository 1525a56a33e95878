import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readCsvTable } from '../../server/import/csv.ts';
import { sharedDataPath } from './shared-data.ts';

// The 360Giving Data Standard's own schemas and codelists, read in place from the shared data folder.
const standardFile = (name: string) => sharedDataPath('360giving', 'standard', name);
// The standard names draft 2020-12 by its http address; the meta-schema's own $id is https.
const readJson = (name: string) => {
  const schema = JSON.parse(readFileSync(standardFile(name), 'utf8')) as { $id: string; $schema?: string } & Record<string, unknown>;
  return { ...schema, $schema: schema.$schema?.replace(/^http:\/\/json-schema\.org\/draft\/2020-12\/schema$/, 'https://json-schema.org/draft/2020-12/schema') };
};

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * A validator for a 360Giving grant package (draft 2020-12, formats checked). The package schema refers
 * to the grant schema by its 1.4.2 address while the grant schema calls itself 1.4.3, so the grant schema
 * is registered under both. The standard's own annotations (codelist, rollUp ...) are known keywords.
 */
export function grantPackageValidator() {
  // Strict about keywords and formats (an unknown one fails instead of passing silently); not about the
  // standard's own style, which lists required fields inside oneOf and leaves some types implicit.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary(['codelist', 'openCodelist', 'rollUp']);
  const grantSchema = readJson('360-giving-schema.json');
  ajv.addSchema(grantSchema);
  ajv.addSchema({ ...grantSchema, $id: grantSchema.$id.replace('/1.4.3/', '/1.4.2/') });
  const validate = ajv.compile(readJson('360-giving-package-schema.json'));
  return (data: unknown): ErrorObject[] => (validate(data) ? [] : (validate.errors ?? []));
}

/** The codes of one of the standard's codelists, e.g. "geoCodeType.csv", with each row's columns. */
export function codelist(name: string): Record<string, string>[] {
  const table = readCsvTable(readFileSync(standardFile(name), 'utf8'));
  if (!table.ok) throw new Error(`cannot read ${name}`);
  return table.rows.map((row) => Object.fromEntries(table.header.map((title, i) => [title, row.cells[i] ?? ''])));
}
