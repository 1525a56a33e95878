// The real 360Giving publications the duplicates benchmarks read, in place in ../shared/data (never
// copied into the repository; see its PROVENANCE.md).

import { sharedDataPath } from '../support/shared-data.ts';

export const GRANTS_DATA = process.env.GRANTS_DATA ?? `${sharedDataPath('360giving')}/`;

/**
 * Every early publication but stack.json (names and ids only), the second copy of Wolfson's file and
 * the fictional 34-funder test file.
 */
export const PUBLICATIONS = [
  'grantnav-sample-data-2016/baring.json',
  'grantnav-sample-data-2016/dulverton.json',
  'grantnav-sample-data-2016/nominet.json',
  'grantnav-sample-data-2016/ocf1.json',
  'grantnav-sample-data-2016/ocf2.json',
  'grantnav-sample-data-2016/ocf3.json',
  'grantnav-sample-data-2016/wolfson.json',
  'grantnav-sample-data-2016/IndigoTrust_360giving.csv',
  'grantnav-test-data/a002400000OiDBQAA3.json',
  'grantnav-test-data/a002400000nO46WAAS.json',
];
