// Collection of annual reports from the sites that publish them: discovery, polite fetching,
// storage by content hash, and sweeps that flag late and edited reports.
export { type CollectOptions, type CollectSummary, collect } from './crawl.ts';
export { agencyOfTitle, discover, isReportTitle, type PageInfo, yearOfTitle } from './discover.ts';
export { DEFAULT_USER_AGENT, type Fetched, Fetcher, FetchFailure, type FetcherOptions } from './fetcher.ts';
export { parseRobots, type Robots } from './robots.ts';
export { type FetchRecord, loadBlob, sha256, type Stored, storeFetch } from './store.ts';
export { sweep, type SweepResult } from './sweep.ts';
