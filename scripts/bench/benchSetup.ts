// What the bench measures against: one repository, its history, the services and the latency.
import type { CiSettings } from '../../src/ci/ciLoader';

export const LATENCY_MS = 100;
export const NAIVE_CONCURRENCY = 10;
export const HISTORY_LENGTH = 500;
export const BENCH_OWNER = 'acme';
export const BENCH_REPO = 'widgets';
export const SERVICES = ['api', 'ingestion_server'];

/** Settings after discovery: every refresh but the first. */
export const DISCOVERED: CiSettings = {
  ciWorkflow: 'ci_cd.yml',
  publishWorkflow: '',
  services: SERVICES,
  serviceInput: '',
  commitInput: '',
  warningDays: 7,
};

/** Nothing set: the first load discovers the CI workflow and the services. */
export const UNDISCOVERED: CiSettings = { ...DISCOVERED, ciWorkflow: '', services: [] };
