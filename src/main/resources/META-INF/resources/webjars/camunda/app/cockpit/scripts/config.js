// Cockpit configuration (overrides the webjar's default config.js, which only has comments).
// The "Statutory deadlines" plugin: cases/DeadlineController's data in Cockpit (issue "Tasklist and
// Cockpit as the daily tools"); the "Yearly figures" plugin: reports/AnnualReportController's figures
// as tables and charts (issue 19.4); paths are relative to /camunda/app/cockpit/.
export default {
  customScripts: ['scripts/statutory-deadlines', 'scripts/yearly-figures']
};
