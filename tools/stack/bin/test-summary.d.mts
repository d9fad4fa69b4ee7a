export interface VitestJsonReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: Array<{ status?: string; assertionResults?: Array<{ status?: string }> }>;
}
export interface TestTotals {
  passed: number;
  failed: number;
  skipped: number;
}
export function summarize(reports: VitestJsonReport[]): TestTotals;
export function readReports(dir: string): VitestJsonReport[];
export function summaryLine(totals: TestTotals, targetsFailed: boolean): string;
