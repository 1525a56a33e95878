import { useState, type FormEvent } from 'react';
import { AREA_IMPORT_KIND_LABELS, AREA_KIND_LABELS, AreaImportKind } from '../../../../../shared/domain.ts';
import { MAX_AREA_FILE_MB } from '../../../../../shared/areas.ts';
import { formatLondonDateTime } from '../../../../../shared/london-time.ts';
import { fieldErrors } from '../../../app/graphql-client.ts';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { FileUpload } from '../../../components/file-upload.tsx';
import { NotificationBanner } from '../../../components/panel.tsx';
import { Radios } from '../../../components/radios.tsx';
import { Table } from '../../../components/table.tsx';
import { Tag } from '../../../components/tag.tsx';
import { useAreasOverview } from '../api/areas-overview.ts';
import { AreaFileRefused, type AreaFileImport, useImportAreaFiles } from '../api/import-area-file.ts';

const number = new Intl.NumberFormat('en-GB');
const plural = (count: number, one: string, many: string) => `${number.format(count)} ${count === 1 ? one : many}`;

const KIND_ITEMS = [
  {
    value: AreaImportKind.BOUNDARIES,
    label: 'Boundaries',
    hint: 'GeoJSON or TopoJSON whose features carry ONS codes (LSOA, ward or local authority). Choose several files at once, such as one per district.',
  },
  { value: AreaImportKind.DEPRIVATION, label: 'Deprivation', hint: 'File_1 of the English Indices of Deprivation: IMD rank and decile by LSOA (CSV).' },
  { value: AreaImportKind.POPULATION, label: 'Population', hint: 'File_6 of the English Indices of Deprivation: population by LSOA (CSV).' },
  { value: AreaImportKind.POSTCODES, label: 'Postcode lookup', hint: 'The ONS postcode directory or National Statistics Postcode Lookup (CSV), whole or for your postcode areas.' },
];

function importInWords(batch: AreaFileImport) {
  if (batch.kind === AreaImportKind.POSTCODES) return `${batch.fileName}: ${plural(batch.postcodes, 'postcode', 'postcodes')} stored.`;
  return `${batch.fileName}: ${plural(batch.areasCreated, 'area', 'areas')} added, ${number.format(batch.areasUpdated)} updated.`;
}

/** Coordinators load the geography every fund shares: boundaries, deprivation, population and postcodes. */
export function AreasPage() {
  usePageTitle('Areas and need');
  const { data, error, isPending } = useAreasOverview();
  const upload = useImportAreaFiles();
  const [kind, setKind] = useState<AreaImportKind>(AreaImportKind.BOUNDARIES);
  const [files, setFiles] = useState<File[]>([]);
  // A new key empties the file box once its files are imported, so they are not sent twice by mistake.
  const [inputKey, setInputKey] = useState(0);
  const [local, setLocal] = useState<string[]>([]);

  const refused = upload.error instanceof AreaFileRefused ? upload.error : null;
  const serverProblems = fieldErrors(refused ? refused.reason : upload.error).map((problem) => problem.message);
  const problems = local.length > 0 ? local : serverProblems;
  const inFile = refused && problems.length > 0 ? `${refused.fileName}: ` : '';
  const summary =
    problems.length === 0 ? [] : [{ field: 'area-file', message: problems.length === 1 ? `${inFile}${problems[0]}` : `${inFile}the file has ${problems.length} problems, listed under the file box. Nothing in it was imported.` }];
  const isBoundaries = kind === AreaImportKind.BOUNDARIES;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.reset();
    if (files.length === 0) return setLocal(['Choose a file to import.']);
    setLocal([]);
    upload.mutate(
      { kind, files },
      {
        onSuccess: () => {
          setFiles([]);
          setInputKey((key) => key + 1);
        },
      },
    );
  };

  if (isPending) return <p className="app-body" role="status">Loading areas…</p>;
  if (error) return <p className="app-body" role="alert">{error.message}</p>;
  const { areaSummary, areaImports } = data;

  return (
    <>
      <h1 className="app-heading-xl">Areas and need</h1>
      <p className="app-body">
        Official areas with their boundaries, population and deprivation, shared by every fund in the portal. They place applications and grants on the
        coverage map and show where need is greatest.
      </p>

      <Table
        caption="Areas held"
        captionSize="m"
        firstCellIsHeader
        rowKey={(row) => row.kind}
        rows={areaSummary.kinds}
        columns={[
          { key: 'kind', header: 'Kind', render: (row) => AREA_KIND_LABELS[row.kind] },
          { key: 'areas', header: 'Areas', numeric: true, render: (row) => number.format(row.areas) },
          { key: 'withBoundary', header: 'With a boundary', numeric: true, render: (row) => number.format(row.withBoundary) },
          { key: 'withPopulation', header: 'With population', numeric: true, render: (row) => number.format(row.withPopulation) },
          { key: 'withDeprivation', header: 'With deprivation (IMD)', numeric: true, render: (row) => number.format(row.withDeprivation) },
          { key: 'demo', header: 'Demo', numeric: true, render: (row) => (row.demo > 0 ? <Tag colour="orange">{number.format(row.demo)} demo</Tag> : '0') },
        ]}
      />
      <p className="app-body">{plural(areaSummary.postcodes, 'postcode', 'postcodes')} in the postcode lookup.</p>

      <section aria-labelledby="import-areas">
        <h2 className="app-heading-l" id="import-areas">
          Import area files
        </h2>
        {upload.isSuccess ? (
          <NotificationBanner type="success" title={upload.data.length === 1 ? 'File imported' : `${upload.data.length} files imported`}>
            <ul className="app-list">
              {upload.data.map((batch) => (
                <li key={batch.id}>{importInWords(batch)}</li>
              ))}
            </ul>
          </NotificationBanner>
        ) : null}
        {refused && refused.imported.length > 0 ? (
          <NotificationBanner title="Some files were imported">
            <ul className="app-list">
              {refused.imported.map((batch) => (
                <li key={batch.id}>{importInWords(batch)}</li>
              ))}
            </ul>
            <p className="app-body">{refused.fileName} was not, nor any file after it. Fix it and import the rest again.</p>
          </NotificationBanner>
        ) : null}
        <form onSubmit={submit} noValidate aria-labelledby="import-areas">
          <ErrorSummary errors={summary} />
          <Radios
            id="area-file-kind"
            name="kind"
            legend="What the file holds"
            legendSize="s"
            items={KIND_ITEMS}
            value={kind}
            onChange={(value) => {
              setKind(value as AreaImportKind);
              upload.reset();
              setLocal([]);
            }}
          />
          <FileUpload
            key={`${inputKey}:${isBoundaries}`}
            id="area-file"
            label={isBoundaries ? 'Boundary files' : `${AREA_IMPORT_KIND_LABELS[kind]} file`}
            hint={`Up to ${MAX_AREA_FILE_MB} MB each. A file with any problem imports nothing; its problems are listed here. Importing a newer copy updates areas in place.`}
            accept={isBoundaries ? '.json,.geojson,.topojson' : '.csv'}
            multiple={isBoundaries}
            problems={refused && problems.length > 0 ? problems.map((problem) => `${refused.fileName}: ${problem}`) : problems}
            onChange={(chosen) => setFiles(chosen)}
          />
          <Button type="submit" disabled={upload.isPending}>
            {upload.isPending ? 'Importing…' : isBoundaries && files.length > 1 ? `Import ${files.length} files` : 'Import'}
          </Button>
        </form>
      </section>

      <Table
        caption="Files imported"
        captionSize="m"
        rowKey={(row) => row.id}
        rows={areaImports}
        emptyText="No area files imported yet."
        columns={[
          { key: 'fileName', header: 'File' },
          { key: 'kind', header: 'Holds', render: (row) => AREA_IMPORT_KIND_LABELS[row.kind] },
          { key: 'rowsRead', header: 'Rows read', numeric: true, render: (row) => number.format(row.rowsRead) },
          { key: 'areasCreated', header: 'Areas added', numeric: true, render: (row) => number.format(row.areasCreated) },
          { key: 'areasUpdated', header: 'Areas updated', numeric: true, render: (row) => number.format(row.areasUpdated) },
          { key: 'postcodes', header: 'Postcodes', numeric: true, render: (row) => number.format(row.postcodes) },
          { key: 'importedBy', header: 'By', render: (row) => row.importedBy ?? 'Command line' },
          { key: 'createdAt', header: 'Imported', render: (row) => formatLondonDateTime(new Date(row.createdAt)) },
        ]}
      />

      <h2 className="app-heading-m">Sources</h2>
      <p className="app-body">
        Boundaries: ONS and Ordnance Survey data, © Crown copyright and database right, under the Open Government Licence v3.0. The English Indices
        of Deprivation: Ministry of Housing, Communities and Local Government, under the Open Government Licence v3.0. Credit the publisher of any
        boundary file you import as its licence asks.
      </p>
    </>
  );
}
