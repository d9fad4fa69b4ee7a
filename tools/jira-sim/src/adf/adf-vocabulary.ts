/** Word lists for issue-like prose. Plain English on purpose: text search tests can rely on them. */
export const COMPONENTS = [
  'login page', 'checkout flow', 'search index', 'export job', 'billing service', 'mobile app', 'settings screen',
  'notification worker', 'REST API', 'dashboard', 'import wizard', 'audit log', 'permission check', 'sync agent',
] as const;

export const PROBLEMS = [
  'times out', 'returns a 500 error', 'shows stale data', 'crashes on start', 'drops the last page',
  'ignores the time zone', 'double-counts items', 'hangs for minutes', 'logs the user out', 'rejects valid input',
] as const;

export const CONDITIONS = [
  'the user has more than 100 projects', 'the network is slow', 'two tabs are open', 'the locale is German',
  'a filter is applied', 'the session expires', 'the file is larger than 10 MB', 'daylight saving time changes',
  'the account was just created', 'the cache is cold',
] as const;

export const ACTIONS = [
  'Open the', 'Click the', 'Reload the', 'Sign in to the', 'Export the', 'Filter the', 'Scroll through the',
] as const;

export const OUTCOMES = [
  'The page loads within two seconds.', 'All items are listed once.', 'The request succeeds.',
  'The saved value is shown.', 'No error is logged.',
] as const;

export const HEADINGS = ['Steps to reproduce', 'Expected result', 'Actual result', 'Environment', 'Notes', 'Impact'] as const;

export const CODE_SAMPLES = [
  { language: 'typescript', code: "const page = await client.search({ jql: 'project = ABC', maxResults: 50 });\nconsole.log(page.issues.length);" },
  { language: 'java', code: 'ZonedDateTime since = ZonedDateTime.now(ZoneId.of("UTC")).minusMinutes(5);\nlog.info("since {}", since);' },
  { language: 'python', code: "for issue in issues:\n    print(issue['key'], issue['fields']['updated'])" },
  { language: 'sql', code: 'SELECT id, updated FROM issues WHERE updated >= NOW() - INTERVAL 5 MINUTE;' },
  { language: 'bash', code: 'curl -s -u "$USER:$TOKEN" "$SITE/rest/api/3/myself" | jq .timeZone' },
  { language: 'json', code: '{\n  "errorMessages": ["Issue does not exist or you do not have permission to see it."],\n  "errors": {}\n}' },
] as const;

export const EMOJIS = [
  { shortName: ':smile:', id: '1f604', text: '😄' },
  { shortName: ':warning:', id: '26a0', text: '⚠️' },
  { shortName: ':thumbsup:', id: '1f44d', text: '👍' },
  { shortName: ':bug:', id: '1f41b', text: '🐛' },
  { shortName: ':white_check_mark:', id: '2705', text: '✅' },
] as const;

export const STATUSES = [
  { text: 'IN PROGRESS', color: 'blue' },
  { text: 'BLOCKED', color: 'red' },
  { text: 'DONE', color: 'green' },
  { text: 'NEEDS INFO', color: 'yellow' },
] as const;

export const LINKS = [
  'https://example.com/runbooks/sync',
  'https://status.example.com/incidents/42',
  'https://docs.example.com/api/search',
] as const;

export const BROWSERS = ['Chrome 131', 'Firefox 133', 'Safari 18', 'Edge 131'] as const;
