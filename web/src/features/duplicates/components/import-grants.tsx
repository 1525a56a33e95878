import { useState, type FormEvent } from 'react';
import type { FieldError } from '../../../../../shared/errors.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { fieldErrors } from '../../../app/graphql-client.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { FileUpload } from '../../../components/file-upload.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { Table } from '../../../components/table.tsx';
import type { FundDuplicates } from '../api/fund-duplicates.ts';
import { useImportGrants, type GrantImport } from '../api/import-grants.ts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Fellside Trust", "A and B", "A, B and C". */
function inWordsList(names: readonly string[]) {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Imported 2 grants from Fellside Trust; 0 grants to individuals left out". */
function importInWords(batch: Pick<GrantImport, 'grantCount' | 'skippedIndividuals' | 'funderNames'>) {
  const from = batch.funderNames.length > 0 ? ` from ${inWordsList(batch.funderNames)}` : '';
  return `Imported ${plural(batch.grantCount, 'grant', 'grants')}${from}; ${plural(batch.skippedIndividuals, 'grant', 'grants')} to individuals left out`;
}

/** Other funders' published grants (360Giving files), so the engine also finds groups funded elsewhere. */
export function ImportGrants({ fundId, imports }: { fundId: string; imports: FundDuplicates['externalGrantImports'] }) {
  const upload = useImportGrants(fundId);
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file box once its file is imported, so it is not sent twice by mistake.
  const [inputKey, setInputKey] = useState(0);
  const [local, setLocal] = useState<FieldError[]>([]);
  const problems = local.length > 0 ? local : fieldErrors(upload.error).map((problem) => ({ field: 'file', message: problem.message }));
  // The summary points to the field; the field lists every problem, each naming its row and column.
  const summary = problems.length > 1 ? [{ field: 'file', message: `The file has ${problems.length} problems, listed under the file box. Nothing was imported.` }] : problems;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.reset();
    if (!file) return setLocal([{ field: 'file', message: 'Choose a 360Giving file to import.' }]);
    setLocal([]);
    upload.mutate(file, {
      onSuccess: () => {
        setFile(null);
        setInputKey((key) => key + 1);
      },
    });
  };

  return (
    <section aria-labelledby="import-grants">
      <h2 className="app-heading-l" id="import-grants">
        Import other funders’ grants
      </h2>
      <p className="app-body">
        Funders publish their grants in the 360Giving format; GrantNav and the funders’ own websites offer them as files. Import a file, and the fund is
        checked against its grants straight away, so a group funded elsewhere for the same work is flagged above.
      </p>
      {upload.isSuccess ? (
        <NotificationBanner type="success" title="File imported">
          <p className="app-body">{importInWords(upload.data)}.</p>
        </NotificationBanner>
      ) : null}
      <form onSubmit={submit} noValidate aria-labelledby="import-grants">
        <ErrorSummary errors={summary} />
        <FileUpload
          key={inputKey}
          id="file"
          label="360Giving file"
          hint="A .json or .csv file of up to 8 MB. A file with any problem imports nothing; the problems are listed here."
          accept=".json,.csv"
          problems={problems.map((problem) => problem.message)}
          onChange={(files) => setFile(files[0] ?? null)}
        />
        <Button type="submit" disabled={upload.isPending}>
          {upload.isPending ? 'Importing…' : 'Import the file'}
        </Button>
      </form>
      <Table
        caption="Files imported"
        captionSize="m"
        rowKey={(row) => row.id}
        rows={imports}
        emptyText="No files imported yet."
        columns={[
          { key: 'fileName', header: 'File' },
          { key: 'funders', header: 'Funders', render: (row) => row.funderNames.join(', ') },
          { key: 'grants', header: 'Grants', numeric: true, render: (row) => row.grantCount },
          { key: 'skipped', header: 'Grants to individuals left out', numeric: true, render: (row) => row.skippedIndividuals },
          { key: 'createdAt', header: 'Imported', render: (row) => formatLondonDateTime(new Date(row.createdAt)) },
        ]}
      />
    </section>
  );
}
