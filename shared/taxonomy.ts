// The starting priority taxonomy every fund is seeded with; coordinators edit their fund's copy.
export interface Priority {
  key: string;
  label: string;
  kind: 'THEME' | 'COMMUNITY';
}

export const DEFAULT_PRIORITIES: Priority[] = [
  { key: 'financial-hardship', label: 'Financial hardship', kind: 'THEME' },
  { key: 'food', label: 'Food', kind: 'THEME' },
  { key: 'mental-health', label: 'Mental health', kind: 'THEME' },
  { key: 'isolation', label: 'Isolation and loneliness', kind: 'THEME' },
  { key: 'children-young-people', label: 'Children and young people', kind: 'THEME' },
  { key: 'domestic-abuse', label: 'Domestic abuse', kind: 'THEME' },
  { key: 'digital-inclusion', label: 'Digital inclusion', kind: 'THEME' },
  { key: 'arts-culture', label: 'Arts and culture', kind: 'THEME' },
  { key: 'sport', label: 'Sport and physical activity', kind: 'THEME' },
  { key: 'environment', label: 'Environment', kind: 'THEME' },
  { key: 'older-people', label: 'Older people', kind: 'COMMUNITY' },
  { key: 'disabled-people', label: 'Disabled people', kind: 'COMMUNITY' },
  { key: 'black-asian-minority-ethnic', label: 'Black, Asian and minority ethnic communities', kind: 'COMMUNITY' },
  { key: 'lgbtq', label: 'LGBTQ+ people', kind: 'COMMUNITY' },
  { key: 'young-carers', label: 'Young carers', kind: 'COMMUNITY' },
  { key: 'bereaved-people', label: 'Bereaved people', kind: 'COMMUNITY' },
  { key: 'rural-communities', label: 'Rural communities', kind: 'COMMUNITY' },
];
