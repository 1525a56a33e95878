import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FileUpload } from '../../web/src/components/file-upload.tsx';
import { areasOverviewQueryOptions, type AreasOverview } from '../../web/src/features/areas/api/areas-overview.ts';
import { AreasPage } from '../../web/src/features/areas/components/areas-page.tsx';

const OVERVIEW: AreasOverview = {
  areaSummary: {
    postcodes: 21_310,
    kinds: [
      { kind: 'LSOA', areas: 32_844, withBoundary: 321, withPopulation: 32_844, withDeprivation: 32_844, demo: 0 },
      { kind: 'WARD', areas: 166, withBoundary: 166, withPopulation: 0, withDeprivation: 0, demo: 0 },
      { kind: 'LOCAL_AUTHORITY', areas: 0, withBoundary: 0, withPopulation: 0, withDeprivation: 0, demo: 0 },
    ],
  },
  areaImports: [
    { id: 'a', kind: 'DEPRIVATION', fileName: 'File_1.csv', rowsRead: 32_844, areasCreated: 32_523, areasUpdated: 321, postcodes: 0, importedBy: null, createdAt: '2026-11-23T15:00:00.000Z' },
  ],
};

describe('the areas page', () => {
  it('shows the areas held by kind, the import form and the log', () => {
    const client = new QueryClient();
    client.setQueryData(areasOverviewQueryOptions().queryKey, OVERVIEW);
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <AreasPage />
      </QueryClientProvider>,
    );
    expect(html).toContain('<h1 class="app-heading-xl">Areas and need</h1>');
    expect(html).toMatch(/<th scope="row"[^>]*>LSOA<\/th><td[^>]*>32,844<\/td><td[^>]*>321<\/td><td[^>]*>32,844<\/td><td[^>]*>32,844<\/td>/);
    expect(html).toContain('21,310 postcodes in the postcode lookup.');
    expect(html).toContain('accept=".json,.geojson,.topojson"');
    expect(html).toContain('multiple=""');
    expect(html).toContain('<td class="app-table__cell">Command line</td>');
  });
});

describe('FileUpload', () => {
  it('lists every problem and ties them to the input', () => {
    const html = renderToStaticMarkup(<FileUpload id="f" label="File" hint="A file" accept=".csv" problems={['Row 2, a: bad', 'Row 3, b: bad']} onChange={() => {}} />);
    expect(html).toContain('<li>Row 2, a: bad</li><li>Row 3, b: bad</li>');
    expect(html).toContain('aria-describedby="f-hint f-error"');
    expect(html).toContain('aria-invalid="true"');
    const fine = renderToStaticMarkup(<FileUpload id="f" label="File" hint="A file" accept=".csv" problems={[]} onChange={() => {}} />);
    expect(fine).not.toContain('f-error');
  });
});
