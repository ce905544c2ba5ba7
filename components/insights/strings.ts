// Every English string of /insights, kept together.
export const INSIGHTS_TEXT = {
  title: "Insights",
  lede: "What searches, triage sessions and readers say about the library and the engine: searches that found nothing or were not followed, sessions that ended without a cause, how often the engine's first guess was the confirmed cause, the cases that are reused, flagged or still being written, and how long confirming took.",
  json: "The same figures as JSON",
  searchesHeading: "Searches",
  searchesLogged: (n: number) => `${n} search${n === 1 ? "" : "es"} logged on the search page (the query text only, never who searched).`,
  noResultHeading: "Searches with no result",
  noClickHeading: "Searches with results but no click",
  noSearches: "None.",
  query: "Query",
  searches: "Searches",
  results: "Results",
  lastSearched: "Last searched",
  unconfirmedHeading: "Sessions that ended without a confirmed cause",
  unconfirmedLede: (n: number, days: number) =>
    `${n} session${n === 1 ? "" : "s"} closed without a cause, or left open and unsaved for ${days} days, by the symptom they started from.`,
  unconfirmedChartTitle: "Sessions without a confirmed cause per entry symptom",
  unconfirmedChartDescription: "One bar per entry symptom: its share of the sessions that ended without a confirmed cause; the caption gives the count.",
  session: "Session",
  status: "Status",
  symptom: "Entry symptom",
  lastSaved: "Last saved",
  noUnconfirmed: "No session ended without a confirmed cause.",
  firstGuessHeading: "The engine's first guess on confirmed sessions",
  firstGuessLede: (n: number, accuracy: string, error: string) =>
    `On ${n} confirmed session${n === 1 ? "" : "s"}, the current engine's top cause was the confirmed one ${accuracy} of the time (calibration error ${error}). Each session is re-diagnosed as saved, by an engine that learned from the other confirmed sessions only, as npm run triage:replay does.`,
  noConfirmed: "No confirmed session yet.",
  perCauseChartTitle: "First-guess accuracy per confirmed cause",
  perCauseChartDescription:
    "One bar per root cause engineers confirmed: how often the engine's top cause was it; the caption gives right guesses out of sessions.",
  cause: "Root cause",
  sessions: "Sessions",
  firstGuessRight: "First guess right",
  accuracy: "Accuracy",
  calibrationHeading: "Calibration",
  calibrationLede:
    "Of the sessions whose top cause was shown at about a given score, how many were right: points on the diagonal mean the scores say what they mean.",
  calibrationChartTitle: "Calibration of the top cause's score on confirmed sessions",
  calibrationChartDescription:
    "One point per score range: across, the mean score shown; up, the share of those sessions whose top cause was confirmed; larger points hold more sessions. The diagonal is perfect calibration.",
  calibrationAxisShown: "score shown",
  calibrationAxisRight: "right",
  scoreRange: "Score shown",
  meanScore: "Mean score",
  right: "Right",
  timeHeading: "Time from a session's start to a confirmed cause",
  timeLede: (n: number, median: string, p90: string) => `${n} confirmed session${n === 1 ? "" : "s"}: median ${median}, 90th percentile ${p90}.`,
  timeChartTitle: "Confirmed sessions by time to a confirmed cause",
  timeChartDescription: "One column per duration range: its share of the confirmed sessions; the caption gives the count.",
  noTimes: "No session has a confirmation time yet.",
  libraryHeading: "The library at work",
  reusedHeading: "Most reused cases",
  reusedLede: "Cases readers said solved their ticket.",
  solved: "Solved a ticket",
  noReuse: "No case has been marked as having solved a ticket yet.",
  flagsHeading: "Open flags",
  flagsLede: "Flags readers raised that no reviewer has resolved yet.",
  reviewQueue: "Open the review queue",
  flaggedPage: "Page",
  flagKind: "Flag",
  comment: "Comment",
  raised: "Raised",
  noFlags: "No open flag.",
  draftsHeading: "Drafts and cases in review",
  noDrafts: "No case is in draft or in review.",
  caseTitle: "Case",
} as const;

/** "45 min", "3 h 20 min", "2 days 4 h". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "–";
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  const days = Math.floor(minutes / 1440);
  return `${days} day${days === 1 ? "" : "s"} ${Math.floor((minutes % 1440) / 60)} h`;
}
