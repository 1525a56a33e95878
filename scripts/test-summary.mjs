// Prints "N passed, N failed" from Vitest's JSON report, the closing line CI reads.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync('test-output/vitest-results.json', 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
