import { describe, it, expect } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { TextInput } from '../../web/src/components/text-input.tsx';
import { TextArea } from '../../web/src/components/text-area.tsx';
import { Radios } from '../../web/src/components/radios.tsx';
import { ErrorSummary } from '../../web/src/components/error-summary.tsx';
import { Table } from '../../web/src/components/table.tsx';
import { BudgetBar } from '../../web/src/components/budget-bar.tsx';
import { Button } from '../../web/src/components/button.tsx';

function describedByOf(html: string, id: string): string[] {
  const match = new RegExp(`id="${id}"[^>]*aria-describedby="([^"]*)"`).exec(html);
  return match ? match[1].split(' ') : [];
}

describe('TextInput', () => {
  const html = renderToStaticMarkup(
    <TextInput id="email" name="email" label="Email address" hint="We will only use this to contact you" error="Enter an email address" />,
  );

  it('marks the input as invalid', () => {
    expect(html).toContain('aria-invalid="true"');
  });

  it('links the hint and the error to the input', () => {
    expect(describedByOf(html, 'email')).toEqual(['email-hint', 'email-error']);
    expect(html).toContain('id="email-hint"');
    expect(html).toContain('id="email-error"');
  });

  it('prefixes the error with visually hidden text', () => {
    expect(html).toContain('<span class="app-visually-hidden">Error:</span> Enter an email address');
  });

  it('labels the input', () => {
    expect(html).toContain('<label class="app-label" for="email">Email address</label>');
  });

  it('leaves out error markup when there is no error', () => {
    const valid = renderToStaticMarkup(<TextInput id="name" name="name" label="Name" />);
    expect(valid).not.toContain('aria-invalid');
    expect(valid).not.toContain('aria-describedby');
    expect(valid).not.toContain('Error:');
  });
});

describe('TextArea', () => {
  it('shows the words remaining and links the count to the textarea', () => {
    const html = renderToStaticMarkup(
      <TextArea id="summary" name="summary" label="Summary" maxWords={10} defaultValue="one two  three" />,
    );
    expect(html).toContain('You have 7 words remaining');
    expect(html).toContain('aria-live="polite"');
    expect(describedByOf(html, 'summary')).toEqual(['summary-word-count']);
  });

  it('says how many words too many', () => {
    const html = renderToStaticMarkup(<TextArea id="summary" name="summary" label="Summary" maxWords={2} value="a b c" onChange={() => {}} />);
    expect(html).toContain('You have 1 word too many');
  });
});

describe('Radios', () => {
  it('gives the first radio the group id so error links land on it', () => {
    const html = renderToStaticMarkup(
      <Radios
        id="kind"
        name="kind"
        legend="What kind of group are you?"
        error="Select what kind of group you are"
        items={[
          { value: 'charity', label: 'Charity' },
          { value: 'other', label: 'Other' },
        ]}
      />,
    );
    expect(html).toMatch(/<input class="app-radios__input" id="kind" [^>]*value="charity"/);
    expect(html).toContain('id="kind-2"');
    expect(html).toContain('<fieldset class="app-fieldset" aria-describedby="kind-error">');
  });
});

describe('ErrorSummary', () => {
  it('links each error to its field', () => {
    const html = renderToStaticMarkup(
      <ErrorSummary
        errors={[
          { field: 'email', message: 'Enter an email address' },
          { field: 'amount', message: 'Enter an amount' },
        ]}
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('tabindex="-1"');
    expect(html).toContain('There is a problem');
    expect(html).toContain('<a href="#email">Enter an email address</a>');
    expect(html).toContain('<a href="#amount">Enter an amount</a>');
  });

  it('renders nothing when there are no errors', () => {
    expect(renderToStaticMarkup(<ErrorSummary errors={[]} />)).toBe('');
  });
});

interface Grant {
  id: string;
  group: string;
  pence: number;
}

describe('Table', () => {
  const columns = [
    { key: 'group', header: 'Group' },
    { key: 'pence', header: 'Amount', numeric: true, render: (row: Grant) => `£${row.pence / 100}` },
  ];

  it('renders column headers with scope and right-aligns numeric columns', () => {
    const html = renderToStaticMarkup(
      <Table<Grant>
        caption="Grants"
        columns={columns}
        rows={[{ id: 'g1', group: 'Food bank', pence: 50_000 }]}
        rowKey={(row) => row.id}
      />,
    );
    expect(html).toContain('<th scope="col" class="app-table__header">Group</th>');
    expect(html).toContain('<th scope="col" class="app-table__header app-table__header--numeric">Amount</th>');
    expect(html).toContain('<td class="app-table__cell">Food bank</td>');
    expect(html).toContain('<td class="app-table__cell app-table__cell--numeric">£500</td>');
  });

  it('shows the empty text when there are no rows', () => {
    const html = renderToStaticMarkup(
      <Table<Grant> caption="Grants" columns={columns} rows={[]} rowKey={(row) => row.id} emptyText="No grants yet" />,
    );
    expect(html).toContain('scope="col"');
    expect(html).toMatch(/<td[^>]*colspan="2"[^>]*>No grants yet<\/td>/i);
    expect(html).toContain('No grants yet');
  });
});

describe('BudgetBar', () => {
  it('shows every figure as text', () => {
    const html = renderToStaticMarkup(
      <BudgetBar
        totalPence={10_000_000}
        segments={[
          { label: 'Paid', pence: 1_234_567, tone: 'paid' },
          { label: 'Committed', pence: 2_500_000, tone: 'committed' },
          { label: 'Reserved', pence: 765_433, tone: 'reserved' },
          { label: 'Available', pence: 5_500_000, tone: 'available' },
        ]}
      />,
    );
    expect(html).toContain('£12,345.67');
    expect(html).toContain('£25,000');
    expect(html).toContain('£7,654.33');
    expect(html).toContain('£55,000');
    expect(html).toContain('£100,000');
    expect(html).toContain('--share:12.35%');
    expect(html).toMatch(/<div class="app-budget__bar" aria-hidden="true">/);
  });
});

describe('Button', () => {
  it('defaults to type="button"', () => {
    expect(renderToStaticMarkup(<Button>Save</Button>)).toBe('<button type="button" class="app-button">Save</button>');
  });
});
